package leave

// ProvinceJurisdictions returns the provinces with a rule pack of their own
// and Inner Mongolia's leagues and cities other than Hinggan League (which
// add nothing to the autonomous region's rules yet, so they resolve to
// CN-NM). Codes: ISO 3166-2:CN for provinces, CN-NM-XXX below a province.
// docs/regions.md lists every pack, its sources and what is unverified.
func ProvinceJurisdictions() []Jurisdiction {
	return []Jurisdiction{
		{Code: "CN-BJ", Parent: "CN", Name: "北京市"},
		{Code: "CN-SH", Parent: "CN", Name: "上海市"},
		{Code: "CN-HE", Parent: "CN", Name: "河北省"},
		{Code: "CN-ZJ", Parent: "CN", Name: "浙江省"},
		{Code: "CN-HN", Parent: "CN", Name: "湖南省"},
		{Code: "CN-GD", Parent: "CN", Name: "广东省"},
		{Code: "CN-SC", Parent: "CN", Name: "四川省"},
		{Code: "CN-SD", Parent: "CN", Name: "山东省"},
		{Code: "CN-HA", Parent: "CN", Name: "河南省"},
		{Code: "CN-JS", Parent: "CN", Name: "江苏省"},
		{Code: "CN-AH", Parent: "CN", Name: "安徽省"},
		{Code: "CN-HB", Parent: "CN", Name: "湖北省"},
		{Code: "CN-CQ", Parent: "CN", Name: "重庆市"},
		{Code: "CN-SN", Parent: "CN", Name: "陕西省"},
		{Code: "CN-TJ", Parent: "CN", Name: "天津市"},
		{Code: "CN-NM-HHHT", Parent: "CN-NM", Name: "呼和浩特市"},
		{Code: "CN-NM-BT", Parent: "CN-NM", Name: "包头市"},
		{Code: "CN-NM-WH", Parent: "CN-NM", Name: "乌海市"},
		{Code: "CN-NM-CF", Parent: "CN-NM", Name: "赤峰市"},
		{Code: "CN-NM-TL", Parent: "CN-NM", Name: "通辽市"},
		{Code: "CN-NM-ORDS", Parent: "CN-NM", Name: "鄂尔多斯市"},
		{Code: "CN-NM-HLBE", Parent: "CN-NM", Name: "呼伦贝尔市"},
		{Code: "CN-NM-BYNE", Parent: "CN-NM", Name: "巴彦淖尔市"},
		{Code: "CN-NM-WLCB", Parent: "CN-NM", Name: "乌兰察布市"},
		{Code: "CN-NM-XLGL", Parent: "CN-NM", Name: "锡林郭勒盟"},
		{Code: "CN-NM-ALS", Parent: "CN-NM", Name: "阿拉善盟"},
	}
}

// provinceParams returns the parameters of every provincial pack.
func provinceParams() []Param {
	var out []Param
	for _, f := range []func() []Param{paramsBJ, paramsSH, paramsHE, paramsZJ, paramsHN, paramsGD, paramsSC,
		paramsSD, paramsHA, paramsJS, paramsAH, paramsHB, paramsCQ, paramsSN, paramsTJ} {
		out = append(out, f()...)
	}
	return out
}
