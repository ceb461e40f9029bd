package leave

// paramsGD is Guangdong (CN-GD): 广东省人口与计划生育条例 as amended on
// 2021-12-01 (in force on publication). Read from news reports and
// third-party quotes only: every figure is low confidence (待核实).
func paramsGD() []Param {
	l := law{jur: "CN-GD", doc: "广东省人口与计划生育条例（2021年12月1日修正）", from: MustDate("2021-12-01"),
		conf: ConfidenceLow,
		read: "新华社广州2021年12月1日电：“除了国家规定的产假外，符合法律、法规规定生育子女的夫妻，女方享受八十日的奖励假，" +
			"男方享受十五日的陪产假……在子女三周岁以内，父母每年各享受十日的育儿假”；" +
			"粤人社规〔2023〕17号第六点（第三方转引）：“女职工享受80天奖励假”"}
	ps := l.extensions("条款号未核实", "奖励假", 80, 80, 80)
	ps = append(ps,
		l.p(KeySpousalNursing, 15, "days", "条款号未核实", "陪产假"),
		l.p(KeyParentalDays, 10, "days", "条款号未核实", ""),
		l.p(KeyParentalUntilAge, 3, "years", "条款号未核实", ""),
		l.p(KeyOnlyChildCare, 15, "days", "条款号未核实",
			"父母患病住院治疗的独生子女护理假，每年累计不超过15日；父母年满60周岁另有每年5日护理假，未计入"),
	)
	dys := law{jur: "CN-GD", doc: "广东省实施《女职工劳动保护特别规定》办法（广东省人民政府令第227号）", from: l.from,
		conf: ConfidenceLow, read: "第十一条（第三方转引）：“生育时遇有难产的，增加30天产假；生育多胞胎的，每多生育1个婴儿，增加15天产假。”"}
	ps = append(ps, dys.p(KeyDystocia, 30, "days", "第十一条", "办法施行日期未核实，LeaveGuard自2021-12-01起适用"))
	return ps
}
