package payroll

import (
	"fmt"
	"strconv"
)

// YearRates are one year's employer social-insurance contribution rates and
// contribution-base limits. The rates are the employer's shares only, in
// basis points; MedicalBP includes maternity insurance (merged since 2019).
// Confirmed is false while the values are LeaveGuard's national-frame
// defaults; the tenant sets it after checking its local notice, named in
// Source.
type YearRates struct {
	PensionBP       int64  `json:"pension_bp"`
	MedicalBP       int64  `json:"medical_bp"`
	UnemploymentBP  int64  `json:"unemployment_bp"`
	WorkInjuryBP    int64  `json:"work_injury_bp"`
	WorkInjuryClass int    `json:"work_injury_class,omitempty"`
	BaseFloorFen    int64  `json:"base_floor_fen"`
	BaseCeilingFen  int64  `json:"base_ceiling_fen"`
	Confirmed       bool   `json:"confirmed"`
	Source          string `json:"source,omitempty"`
}

// EmployerBP returns the sum of the employer rates.
func (r YearRates) EmployerBP() int64 {
	return r.PensionBP + r.MedicalBP + r.UnemploymentBP + r.WorkInjuryBP
}

// National-frame sources of the default rates.
const (
	srcPension      = "国务院办公厅《降低社会保险费率综合方案》（国办发〔2019〕13号）：单位基本养老保险缴费比例可降至16%"
	srcMedical      = "国务院《关于建立城镇职工基本医疗保险制度的决定》（国发〔1998〕44号）单位费率6%左右，另加生育保险约1%（国办发〔2019〕10号，两险合并实施）；此为示意值"
	srcUnemployment = "失业保险总费率阶段性降至1%（国办发〔2019〕13号及后续延续通知），单位与个人分担比例由各地确定；默认单位0.5%"
	srcWorkInjury   = "人力资源社会保障部 财政部《关于调整工伤保险费率政策的通知》（人社部发〔2015〕71号）：一类至八类行业基准费率0.2%至1.9%"
	srcBaseLimits   = "缴费基数下限、上限为全省（区）上年度全口径城镇单位就业人员平均工资的60%、300%（国办发〔2019〕13号）"
)

// workInjuryClassBP are the national benchmark work-injury rates by
// industry risk class (一类 to 八类), 人社部发〔2015〕71号.
var workInjuryClassBP = [...]int64{20, 40, 70, 90, 110, 130, 160, 190}

// WorkInjuryClassBP returns the national benchmark work-injury rate of
// industry risk class 1–8, or false for another class.
func WorkInjuryClassBP(class int) (int64, bool) {
	if class < 1 || class > len(workInjuryClassBP) {
		return 0, false
	}
	return workInjuryClassBP[class-1], true
}

// DefaultYearRates returns the national-frame default employer rates for an
// employer of the given work-injury class (0 means class 1): pension 1600 bp,
// medical incl. maternity 700 bp (an illustrative national-frame figure),
// unemployment 50 bp (the employer's share of the 1% total), work injury the
// class benchmark (20–190 bp). The contribution-base floor and ceiling are
// left 0: they depend on the provincial average wage and must be set from
// the local notice. Confirmed is false, so every figure is labelled
// SourceLocalNotice.
func DefaultYearRates(workInjuryClass int) YearRates {
	if workInjuryClass == 0 {
		workInjuryClass = 1
	}
	wi, ok := WorkInjuryClassBP(workInjuryClass)
	if !ok {
		wi, workInjuryClass = workInjuryClassBP[0], 1
	}
	return YearRates{PensionBP: 1600, MedicalBP: 700, UnemploymentBP: 50,
		WorkInjuryBP: wi, WorkInjuryClass: workInjuryClass}
}

// ValidateYearRates checks one year's rates: each rate 0–10000 bp, a known
// work-injury class, and 0 ≤ floor ≤ ceiling with the ceiling set. It returns
// nil when the rates are valid.
func ValidateYearRates(r YearRates) FieldErrors {
	fe := FieldErrors{}
	for _, x := range []struct {
		field string
		bp    int64
	}{{"pension_bp", r.PensionBP}, {"medical_bp", r.MedicalBP},
		{"unemployment_bp", r.UnemploymentBP}, {"work_injury_bp", r.WorkInjuryBP}} {
		if x.bp < 0 || x.bp > BPScale {
			fe.add(x.field, "费率必须在0到10000个基点（0%–100%）之间")
		}
	}
	if r.EmployerBP() > BPScale {
		fe.add("pension_bp", "单位各项费率合计不能超过10000个基点（100%）")
	}
	if r.WorkInjuryClass != 0 {
		if _, ok := WorkInjuryClassBP(r.WorkInjuryClass); !ok {
			fe.add("work_injury_class", "工伤保险行业类别必须是1到8类")
		}
	}
	if r.BaseFloorFen < 0 {
		fe.add("base_floor_fen", "缴费基数下限不能为负")
	}
	switch {
	case r.BaseCeilingFen <= 0:
		fe.add("base_ceiling_fen", "请按当地通知填写缴费基数上限（单位：分）")
	case r.BaseFloorFen > r.BaseCeilingFen:
		fe.add("base_floor_fen", "缴费基数下限不能高于上限")
	}
	if len(fe) == 0 {
		return nil
	}
	return fe
}

// rateParams lists one year's rates as parameters with their sources.
func rateParams(year int, r YearRates) []Param {
	y := strconv.Itoa(year)
	src := func(national string) string {
		if !r.Confirmed {
			return SourceLocalNotice + "（" + national + "）"
		}
		if r.Source != "" {
			return SourceTenant + "：" + r.Source
		}
		return SourceTenant
	}
	def := !r.Confirmed
	wiClass := ""
	if r.WorkInjuryClass != 0 {
		wiClass = fmt.Sprintf("；行业类别%d", r.WorkInjuryClass)
	}
	limits := src(srcBaseLimits)
	if !r.Confirmed {
		limits = SourceTenant + "，尚未按当地通知确认（" + srcBaseLimits + "）"
	}
	ps := []Param{
		intParam(y+".pension_bp", r.PensionBP, src(srcPension), def),
		intParam(y+".medical_bp", r.MedicalBP, src(srcMedical), def),
		intParam(y+".unemployment_bp", r.UnemploymentBP, src(srcUnemployment), def),
		intParam(y+".work_injury_bp", r.WorkInjuryBP, src(srcWorkInjury+wiClass), def),
		intParam(y+".base_floor_fen", r.BaseFloorFen, limits, false),
		intParam(y+".base_ceiling_fen", r.BaseCeilingFen, limits, false),
	}
	for i := range ps {
		if !r.Confirmed {
			ps[i].Confidence = ConfidenceLow
		}
	}
	return ps
}
