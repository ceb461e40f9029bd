package leave

// paramsZJ is Zhejiang (CN-ZJ): 浙江省人口与计划生育条例 as amended on
// 2021-11-25 (in force on publication). The extension differs by child
// order: 60 days for the 1st child, 90 for the 2nd and 3rd.
func paramsZJ() []Param {
	l := law{jur: "CN-ZJ", doc: "浙江省人口与计划生育条例（2021年11月25日修改）", from: MustDate("2021-11-25"),
		conf: ConfidenceLow,
		read: "新华社杭州2021年11月25日电：“生育一孩延长产假60天，总计158天；生育二孩、三孩延长产假90天，总计188天。" +
			"同时规定在子女3周岁内，夫妻双方每年各享受10天育儿假。男方享受15天护理假的规定不变。”；" +
			"浙江省生育保险办法（浙政发〔2024〕15号，第三方转引）：“一孩再增加产假60天；二孩、三孩再增加产假90天”"}
	ps := l.extensions("第三十条（条款号据转载网页标题，未核实）", "", 60, 90, 90)
	return append(ps,
		l.p(KeySpousalNursing, 15, "days", "条款号未核实", ""),
		l.p(KeyParentalDays, 10, "days", "条款号未核实", ""),
		l.p(KeyParentalUntilAge, 3, "years", "条款号未核实", ""),
	)
}
