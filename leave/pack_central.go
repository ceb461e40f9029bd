package leave

// The packs of Shandong, Henan, Jiangsu, Anhui and Hubei hold only what a
// source citing the regulation gives: mostly the maternity extension, from
// a third-party data file that cites each regulation's article and official
// page (verified by its authors on 2026-08-11, not by LeaveGuard). Spousal
// and parental leave found only in uncited aggregations are left out
// (docs/regions.md lists them as missing).

// thirdParty is the data file the extensions of these packs were read from.
const thirdParty = "第三方产假数据文件（引用条例条款与官方网页，作者核验日期2026-08-11）"

func paramsSD() []Param {
	l := law{jur: "CN-SD", doc: "山东省人口与计划生育条例（现行文本，施行日期据第三方数据为2025-01-18）",
		from: MustDate("2025-01-18"), conf: ConfidenceLow,
		read: thirdParty + "：山东省延长产假60天，依据第二十六条及鲁卫人口家庭字〔2025〕3号，国家法定节假日和休息日均计入产假"}
	return l.extensions("第二十六条（据第三方数据）", "LeaveGuard自2025-01-18起适用，此前版本未收录", 60, 60, 60)
}

func paramsHA() []Param {
	ext := law{jur: "CN-HA", doc: "河南省人口与计划生育条例（2021年11月修正）", from: MustDate("2021-11-27"), conf: ConfidenceLow,
		read: thirdParty + "：第二十五条，“省条例原文为增加‘三个月’，郑州市政府公开执行口径按90天、合计188天”"}
	draft := ext
	draft.read = "每日经济新闻2021年11月23日报道修改决定草案：“依法办理婚姻登记的夫妻，除国家规定的婚假外，增加婚假十八日，" +
		"参加婚前医学检查的，再增加婚假七日……在子女年满三周岁前，每年应当分别给予夫妻双方十日育儿假”"
	const fromDraft = "据草案报道，通过文本未核实"
	ps := ext.extensions("第二十五条（据第三方数据）", "条例为“三个月”，按郑州市执行口径90天计", 90, 90, 90)
	return append(ps,
		draft.p(KeyMarriageExtension, 18, "days", "第二十五条（据草案报道）", fromDraft+"；参加婚前医学检查再增加7日，未计入"),
		draft.p(KeyParentalDays, 10, "days", "条款号未核实", fromDraft),
		draft.p(KeyParentalUntilAge, 3, "years", "条款号未核实", fromDraft),
	)
}

func paramsJS() []Param {
	l := law{jur: "CN-JS", doc: "江苏省人口与计划生育条例（施行日期据第三方数据为2022-02-10）", from: MustDate("2022-02-10"),
		conf: ConfidenceLow,
		read: thirdParty + "：江苏延长产假60天，依据条例第二十四条及苏州市人社局苏发〔2022〕8号适用说明；延长的60天包含周末，但国家法定休假日不计入"}
	return l.extensions("第二十四条（据第三方数据）",
		"延长的60天遇国家法定休假日不计入，LeaveGuard按自然日计算未顺延，请人工核对", 60, 60, 60)
}

func paramsAH() []Param {
	l := law{jur: "CN-AH", doc: "安徽省人口与计划生育条例（施行日期据第三方数据为2022-01-01）", from: MustDate("2022-01-01"),
		conf: ConfidenceLow,
		read: thirdParty + "：第三十二条，延长产假60天，全段周末计入，法定节日本日不计入；" +
			"新华社2021年12月6日电：安徽省条例规定子女六周岁前每年给予夫妻双方各10天育儿假"}
	ps := l.extensions("第三十二条（据第三方数据）", "法定节日本日不计入，LeaveGuard按自然日计算未顺延，请人工核对", 60, 60, 60)
	return append(ps,
		l.p(KeyParentalDays, 10, "days", "条款号未核实", "据新华社报道"),
		l.p(KeyParentalUntilAge, 6, "years", "条款号未核实", "子女六周岁前；据新华社报道"),
	)
}

func paramsHB() []Param {
	l := law{jur: "CN-HB", doc: "湖北省人口与计划生育条例（2021年11月修正，施行日期据第三方数据为2021-11-26）",
		from: MustDate("2021-11-26"), conf: ConfidenceLow,
		read: thirdParty + "：依据湖北省卫健委《湖北省人口与计划生育条例》有关问题解答第一、二问，延长产假60天，自批准休假之日起按自然日连续计算"}
	return l.extensions("条款号未核实", "", 60, 60, 60)
}
