package leave

// paramsSC is Sichuan (CN-SC) in two versions: the 2021-09-29 amendment
// (生育假 60 days) and the 2025 amendment, which applies to births from
// 2025-11-28 (生育假 90 days). Whether the 2025 amendment changed the
// spousal and parental leave was not verified: the 2021 figures continue.
func paramsSC() []Param {
	v2021 := law{jur: "CN-SC", doc: "四川省人口与计划生育条例（2021年9月29日修正）", from: MustDate("2021-09-29"),
		conf: ConfidenceLow,
		read: "财联社报道四川省卫健委修正草案征求意见稿：“在原有60天的基础上”“男方护理假也由20天延长至30天”；" +
			"新华社2021年12月6日电：四川等地条例规定3岁以下婴幼儿父母每人每年累计享受10天育儿假"}
	v2025 := law{jur: "CN-SC", doc: "四川省人口与计划生育条例（2025年修正）", from: MustDate("2025-11-28"),
		conf: ConfidenceLow,
		read: "四川人大网刊载的修改决定第二十四条（第三方转引）：“符合本条例规定生育子女的夫妻，除国家规定外，延长女方生育假九十日。" +
			"生育第三个子女的女方，经本人申请及所在单位同意，还可以再延长生育假三十日。”；" +
			"四川省卫健委、人社厅指导意见（第三方转引）：“2025年11月28日（含）之后生育……适用现行”"}
	const after2025 = "2025年修正后该项天数未核实（征求意见稿拟调整），沿用2021年规定"
	ps := v2021.until("2025-11-27").extensions("条款号未核实", "生育假", 60, 60, 60)
	ps = append(ps, v2025.extensions("第二十四条", "生育假", 90, 90)...)
	return append(ps,
		v2025.p(KeyExtension(3), 90, "days", "第二十四条",
			"生育假；第三个子女经本人申请及单位同意可再延长30日，LeaveGuard不自动计入"),
		v2021.p(KeySpousalNursing, 20, "days", "条款号未核实", after2025),
		v2021.p(KeyParentalDays, 10, "days", "条款号未核实", after2025),
		v2021.p(KeyParentalUntilAge, 3, "years", "条款号未核实", after2025),
	)
}
