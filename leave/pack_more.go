package leave

// Chongqing, Shaanxi and Tianjin: the maternity extension only, read from
// the same third-party data file as the central provinces (pack_central.go).

func paramsCQ() []Param {
	l := law{jur: "CN-CQ", doc: "重庆市人口与计划生育条例（2021年11月修正，施行日期据第三方数据为2021-11-25）",
		from: MustDate("2021-11-25"), conf: ConfidenceLow,
		read: thirdParty + "：第二十三条及重庆市人民政府政策解读，延长产假80天，各增加项可累计，按自然日计算（含法定节假日）"}
	return l.extensions("第二十三条（据第三方数据）", "", 80, 80, 80)
}

func paramsSN() []Param {
	l := law{jur: "CN-SN", doc: "陕西省人口与计划生育条例（施行日期据第三方数据为2022-05-25）", from: MustDate("2022-05-25"),
		conf: ConfidenceLow,
		read: thirdParty + "：第四十五条，延长产假60天，生育第三个子女再增加15天；取得孕前检查证明的另加10天；产假包含公休日和国家法定假日"}
	const exam = "取得指定医疗卫生机构孕前检查证明的另加10天，LeaveGuard不自动计入"
	ps := l.extensions("第四十五条（据第三方数据）", exam, 60, 60)
	return append(ps, l.p(KeyExtension(3), 75, "days", "第四十五条（据第三方数据）", "第三个子女60天另加15天；"+exam))
}

func paramsTJ() []Param {
	l := law{jur: "CN-TJ", doc: "天津市人口与计划生育条例（施行日期据第三方数据为2021-11-29）；天津市婚假生育假等假期休假实施办法（津政办规〔2022〕9号）",
		from: MustDate("2021-11-29"), conf: ConfidenceLow,
		read: thirdParty + "：津政办规〔2022〕9号第三、五、十三条，生育假（延长产假）60天"}
	return l.extensions("第三、五、十三条（津政办规〔2022〕9号，据第三方数据）", "", 60, 60, 60)
}
