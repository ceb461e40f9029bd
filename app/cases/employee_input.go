package cases

import (
	"encoding/json"
	"errors"
	"time"

	"leaveguard/app/pii"
	"leaveguard/leave"
	"leaveguard/store"
)

// EmployeeInput is the body of POST and PATCH /employees (and of the
// employee.upserted webhook). Pointers tell an
// absent field from a zero one; contract_end may be null to clear it.
type EmployeeInput struct {
	ExternalID       *string         `json:"external_id"`
	Name             *string         `json:"name"`
	Gender           *string         `json:"gender"`
	NationalID       *string         `json:"national_id"`
	HiredOn          *string         `json:"hired_on"`
	ContractEnd      json.RawMessage `json:"contract_end"`
	MonthlyWageFen   *int64          `json:"monthly_wage_fen"`
	MaternityInsured *bool           `json:"maternity_insured"`
	Region           *string         `json:"region"`
	Department       *string         `json:"department"`
}

// Apply validates in and writes it onto e; create demands every required
// field. It returns the names of the fields it changed.
func (in EmployeeInput) Apply(e *store.Employee, create bool, c *Cases) ([]string, error) {
	f := Fields{}
	var changed []string
	if create || in.ExternalID != nil {
		e.ExternalID = f.Text("external_id", in.ExternalID, true, 64)
		changed = append(changed, "external_id")
	}
	if create || in.Name != nil {
		e.Name = f.Text("name", in.Name, true, 100)
		changed = append(changed, "name")
	}
	if create || in.Gender != nil {
		e.Gender = f.Text("gender", in.Gender, true, 10)
		if e.Gender != "female" && e.Gender != "male" && f["gender"] == "" {
			f["gender"] = "须为 female（女）或 male（男）"
		}
		changed = append(changed, "gender")
	}
	if create || in.NationalID != nil {
		in.setNationalID(e, f, c.Cipher, c.Now())
		changed = append(changed, "national_id")
	}
	if create || in.HiredOn != nil {
		e.HiredOn = f.Date("hired_on", in.HiredOn, true)
		changed = append(changed, "hired_on")
	}
	if in.ContractEnd != nil {
		e.ContractEnd = contractEnd(f, in.ContractEnd)
		changed = append(changed, "contract_end")
	}
	if e.ContractEnd != nil && !e.HiredOn.IsZero() && e.ContractEnd.Before(e.HiredOn) && f["contract_end"] == "" {
		f["contract_end"] = "合同到期日不能早于入职日期"
	}
	if create || in.MonthlyWageFen != nil {
		if w := f.Wage("monthly_wage_fen", in.MonthlyWageFen, true); !f.Has("monthly_wage_fen") {
			e.MonthlyWageFen = w
		}
		changed = append(changed, "monthly_wage_fen")
	}
	if create || in.MaternityInsured != nil {
		if in.MaternityInsured == nil {
			f["maternity_insured"] = "必填：是否参加生育保险（true/false）"
		} else {
			e.MaternityInsured = *in.MaternityInsured
		}
		changed = append(changed, "maternity_insured")
	}
	if in.Region != nil {
		e.Region = c.region(f, *in.Region)
		changed = append(changed, "region")
	}
	if in.Department != nil {
		e.Department = f.Text("department", in.Department, false, 100)
		changed = append(changed, "department")
	}
	return changed, f.Err()
}

func (in EmployeeInput) setNationalID(e *store.Employee, f Fields, cipher *pii.Cipher, now time.Time) {
	if in.NationalID == nil || *in.NationalID == "" {
		f["national_id"] = "必填：18位居民身份证号"
		return
	}
	id := *in.NationalID
	if err := pii.ValidateNationalIDAt(id, now); err != nil {
		var pe *pii.Error
		if errors.As(err, &pe) {
			f["national_id"] = pe.Message
		} else {
			f["national_id"] = "身份证号无效"
		}
		return
	}
	enc, err := cipher.Encrypt([]byte(id))
	if err != nil {
		f["national_id"] = "身份证号无法加密保存，请稍后重试"
		return
	}
	e.NationalIDEnc, e.NationalIDHash, e.NationalIDMasked = enc, cipher.Hash(id), pii.MaskNationalID(id)
}

func contractEnd(f Fields, raw json.RawMessage) *leave.Date {
	if string(raw) == "null" {
		return nil
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		f["contract_end"] = "须为日期 YYYY-MM-DD 或 null（无固定期限）"
		return nil
	}
	d := f.Date("contract_end", &s, true)
	if d.IsZero() {
		return nil
	}
	return &d
}

func (c *Cases) region(f Fields, r string) *string {
	if r == "" {
		return nil
	}
	if !c.KnownRegion(r) {
		f["region"] = "不支持的地区代码：支持的代码见 GET /api/v1/regions 或门户“适用地区”页（如 CN-GD 广东省、CN-NM-XAM 兴安盟）"
		return nil
	}
	return &r
}
