package leave

// Source documents cited by the built-in packs.
const (
	SourceSPR    = "女职工劳动保护特别规定"
	SourceNM     = "内蒙古自治区人口与计划生育条例"
	SourceXAM    = "兴安盟优化生育政策促进人口长期均衡发展若干措施（兴署办发〔2023〕86号）"
	SourceTenant = "单位设置"
)

// DefaultJurisdictions returns the built-in region tree: CN, Inner
// Mongolia and its leagues and cities, and the provinces with a pack.
func DefaultJurisdictions() []Jurisdiction {
	return append([]Jurisdiction{
		{Code: "CN", Name: "全国"},
		{Code: "CN-NM", Parent: "CN", Name: "内蒙古自治区"},
		{Code: "CN-NM-XAM", Parent: "CN-NM", Name: "兴安盟"},
	}, ProvinceJurisdictions()...)
}

// DefaultParams returns the built-in parameters of CN, CN-NM and CN-NM-XAM
// (rules.md §1) and of the provincial packs (docs/regions.md). Each call
// returns a fresh slice.
func DefaultParams() []Param {
	spr := MustDate("2012-04-28") // 女职工劳动保护特别规定 施行
	nm := MustDate("2022-01-07")  // 内蒙古条例 2022 年修正
	xam := MustDate("2023-12-29") // 兴署办发〔2023〕86号
	cn := func(key string, v int, unit, art string, c Confidence) Param {
		return Param{Key: key, Jurisdiction: "CN", Value: v, Unit: unit, EffectiveFrom: spr,
			Source: SourceSPR + " " + art, Confidence: c}
	}
	nmp := func(key string, v int, unit string, c Confidence) Param {
		return Param{Key: key, Jurisdiction: "CN-NM", Value: v, Unit: unit, EffectiveFrom: nm,
			Source: SourceNM + " 第三十条（2022年1月7日修正）", Confidence: c}
	}
	xp := func(key string, v int, unit string) Param {
		return Param{Key: key, Jurisdiction: "CN-NM-XAM", Value: v, Unit: unit, EffectiveFrom: xam,
			Source: SourceXAM + " 第（十三）项；" + SourceNM + " 第三十条", Confidence: ConfidenceHigh,
			Note: "盟级文件重申自治区条例规定"}
	}
	ps := []Param{
		cn(KeyMaternityBase, 98, "days", "第七条第一款", ConfidenceHigh),
		cn(KeyPrenatalMax, 15, "days", "第七条第一款", ConfidenceHigh),
		cn(KeyDystocia, 15, "days", "第七条第一款", ConfidenceHigh),
		cn(KeyMultipleBirth, 15, "days", "第七条第一款", ConfidenceHigh),
		cn(KeyMiscarriageEarly, 15, "days", "第七条第二款", ConfidenceHigh),
		cn(KeyMiscarriageLate, 42, "days", "第七条第二款", ConfidenceHigh),
		cn(KeyNursingHours, 1, "hours", "第九条", ConfidenceHigh),
		cn(KeyNursingExtraHours, 1, "hours", "第九条", ConfidenceHigh),
		cn(KeyNursingUntilAge, 1, "years", "第九条", ConfidenceHigh),
		{Key: KeyMiscarriageThreshold, Jurisdiction: "CN", Value: 16, Unit: "weeks", EffectiveFrom: spr,
			Source: SourceSPR + " 第七条第二款", Confidence: ConfidenceMedium,
			Note: "“怀孕未满4个月”按孕月每月4周计，即未满16周"},
		{Key: KeyMarriageBase, Jurisdiction: "CN", Value: 3, Unit: "days", EffectiveFrom: MustDate("1980-02-20"),
			Source:     "国家劳动总局、财政部《关于国营企业职工请婚丧假和路程假问题的通知》（〔80〕劳总薪字29号）",
			Confidence: ConfidenceMedium, Note: "国家规定婚假一至三天，按三天计"},
		nmp(KeyExtension(1), 60, "days", ConfidenceHigh),
		nmp(KeyExtension(2), 60, "days", ConfidenceHigh),
		nmp(KeyExtension(3), 90, "days", ConfidenceHigh),
		nmp(KeySpousalNursing, 25, "days", ConfidenceHigh),
		nmp(KeyParentalDays, 10, "days", ConfidenceHigh),
		nmp(KeyParentalUntilAge, 3, "years", ConfidenceHigh),
		nmp(KeyMarriageExtension, 15, "days", ConfidenceHigh),
		withNote(nmp(KeyMaxChildOrder, 3, "children", ConfidenceMedium),
			"条例延长产假、护理假、育儿假适用于依法生育的第一至第三个子女；第四个及以后子女仅享受国家规定的产假"),
		xp(KeyExtension(1), 60, "days"),
		xp(KeyExtension(2), 60, "days"),
		xp(KeyExtension(3), 90, "days"),
		xp(KeySpousalNursing, 25, "days"),
		xp(KeyParentalDays, 10, "days"),
		{Key: KeyOnlyChildCare, Jurisdiction: "CN-NM-XAM", Value: 0, Unit: "days", EffectiveFrom: xam,
			Source:     SourceXAM + " 第（十一）项（“健全独生子女父母患病住院期间护理假制度”，未规定天数）",
			Confidence: ConfidenceLow, Note: "未查到自治区规定的天数：0 表示单位尚未设置，不代表法定天数为0"},
	}
	return append(ps, provinceParams()...)
}

func withNote(p Param, note string) Param {
	p.Note = note
	return p
}

// DefaultRuleBook returns the built-in rule book of every jurisdiction.
// It panics only if the built-in data is inconsistent, which a test rules out.
func DefaultRuleBook() *RuleBook {
	b, err := NewRuleBook(DefaultJurisdictions(), DefaultParams())
	if err != nil {
		panic(err)
	}
	return b
}
