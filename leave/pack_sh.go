package leave

// paramsSH is Shanghai (CN-SH): only the 60-day 生育假 was found, quoted
// from a government page; the amendment date (2021-11-25) comes from the
// third-party data file of pack_central.go.
func paramsSH() []Param {
	l := law{jur: "CN-SH", doc: "上海市人口与计划生育条例（2021年11月25日修正，日期据第三方数据）", from: MustDate("2021-11-25"),
		conf: ConfidenceLow,
		read: "第三十一条（上海市人民政府网2023年6月21日刊载，第三方转引）：“女方除享受国家规定的产假外，还可以再享受生育假六十天。”；" +
			"沪府规〔2022〕18号第二条（第三方转引）：“生育假一般应当与产假合并连续使用……遇法定节假日顺延。”；" +
			thirdParty + "：上海市生育假60天，施行日期2021-11-25"}
	const note = "生育假；沪府规〔2022〕18号规定遇法定节假日顺延，LeaveGuard按自然日计算未顺延，请人工核对"
	return l.extensions("第三十一条", note, 60, 60, 60)
}
