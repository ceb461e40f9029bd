package leave

// paramsBJ is Beijing (CN-BJ): 北京市人口与计划生育条例 as amended on
// 2021-11-26. Parental leave is 5 working days a year.
func paramsBJ() []Param {
	l := law{jur: "CN-BJ", doc: "北京市人口与计划生育条例（2021年11月26日修正）", from: MustDate("2021-11-26"),
		conf: ConfidenceLow,
		read: "第十九条（第三方转引北京市人社局政策文件指引）：“女方除享受国家规定的产假外，享受延长生育假六十日。”；" +
			"新京报2021年11月26日：“男方享受陪产假十五日”“子女满三周岁前，夫妻每人每年享受五个工作日的育儿假”"}
	ps := l.extensions("第十九条", "延长生育假；经单位同意可再增加假期一至三个月，LeaveGuard不自动计入", 60, 60, 60)
	return append(ps,
		l.p(KeySpousalNursing, 15, "days", "第十九条（条款号未核实）", "陪产假"),
		l.p(KeyParentalDays, 5, "days", "条款号未核实", "条例规定为五个工作日，请将育儿假计算单位设为工作日（默认即是）"),
		l.p(KeyParentalUntilAge, 3, "years", "条款号未核实", ""),
	)
}
