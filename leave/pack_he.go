package leave

// paramsHE is Hebei (CN-HE) in two versions: the 2016 amendment (births
// from 2016-01-01: 60 days for every child) and the 2021 revision (in force
// on publication, adopted 2021-11-23: 90 days for the 3rd child, parental
// leave added). The 2021 reports do not mention the 1st and 2nd child, so
// their 60 days continue, unverified.
func paramsHE() []Param {
	v2016 := law{jur: "CN-HE", doc: "河北省人口与计划生育条例（2016年3月29日修正）", from: MustDate("2016-01-01"),
		conf: ConfidenceLow,
		read: "河北省卫计委2016年3月29日新闻发布会解读（转载）：“今年1月1日后，合法生宝宝的产妇都将享受158天产假”；" +
			"“只要依法办理结婚登记、符合法律法规生育都可以享受总共18天婚假、98+60天合计158天产假、以及配偶陪产假15天”"}
	v2021 := law{jur: "CN-HE", doc: "河北省人口与计划生育条例（2021年11月23日修订）", from: MustDate("2021-11-23"),
		conf: ConfidenceLow,
		read: "河北日报2021年11月25日：“依法办理结婚登记的公民，除享受国家规定婚假外，延长婚假十五天；" +
			"符合法律法规规定生育第三个子女的夫妻，除享受国家规定的产假外，延长产假九十天；" +
			"三周岁以下婴幼儿父母双方每年各十天育儿假”"}
	const kept = "2021年修订的报道未提及此项，沿用2016年规定，待核实"
	ps := v2016.extensions("条款号未核实", "自2016年1月1日后生育的适用", 60, 60)
	return append(ps,
		v2016.until("2021-11-22").p(KeyExtension(3), 60, "days", "条款号未核实", "2016年规定不分孩次均为60天"),
		v2021.p(KeyExtension(3), 90, "days", "条款号未核实", "第三个子女"),
		v2016.p(KeySpousalNursing, 15, "days", "条款号未核实", kept),
		v2016.p(KeyMarriageExtension, 15, "days", "条款号未核实", "2021年修订重申“延长婚假十五天”"),
		v2021.p(KeyParentalDays, 10, "days", "条款号未核实", ""),
		v2021.p(KeyParentalUntilAge, 3, "years", "条款号未核实", ""),
	)
}
