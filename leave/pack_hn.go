package leave

// paramsHN is Hunan (CN-HN): 湖南省人口与计划生育条例 adopted on
// 2021-12-03. The day it came into force was not found; LeaveGuard applies
// it from the day it was adopted.
func paramsHN() []Param {
	l := law{jur: "CN-HN", doc: "湖南省人口与计划生育条例（2021年12月3日湖南省第十三届人大常委会第二十七次会议通过）",
		from: MustDate("2021-12-03"), conf: ConfidenceLow,
		read: "新华社长沙2021年12月3日电：“符合法定生育条件的夫妻，女方除享受国家规定的产假外增加产假六十天，男方享受护理假二十天。" +
			"符合法定生育条件的夫妻，在子女三周岁以内，夫妻双方每年均可享受十天育儿假。独生子女父母年满六十周岁，因病住院治疗期间，" +
			"其子女每年可累计享受十五天的独生子女父母护理假”"}
	const when = "施行日期未核实，按表决通过日适用"
	ps := l.extensions("第十六条（条款号据第三方数据）", when, 60, 60, 60)
	return append(ps,
		l.p(KeySpousalNursing, 20, "days", "条款号未核实", when),
		l.p(KeyParentalDays, 10, "days", "条款号未核实", when),
		l.p(KeyParentalUntilAge, 3, "years", "条款号未核实", when),
		l.p(KeyOnlyChildCare, 15, "days", "条款号未核实", "独生子女父母年满60周岁因病住院治疗期间"),
	)
}
