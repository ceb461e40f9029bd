package leave

// Statute ids cited by protection and dismissal decisions.
const (
	LawLCL36  = "CN/劳动合同法/36"
	LawLCL37  = "CN/劳动合同法/37"
	LawLCL38  = "CN/劳动合同法/38"
	LawLCL39  = "CN/劳动合同法/39"
	LawLCL40  = "CN/劳动合同法/40"
	LawLCL41  = "CN/劳动合同法/41"
	LawLCL424 = "CN/劳动合同法/42.4"
	LawLCL44  = "CN/劳动合同法/44"
	LawLCL45  = "CN/劳动合同法/45"
	LawLCL46  = "CN/劳动合同法/46"
	LawCC201  = "CN/民法典/201"
	LawCC202  = "CN/民法典/202"
	LawSPR7   = "CN/女职工劳动保护特别规定/7"
	LawLCL87  = "CN/劳动合同法/87"
	LawSPR5   = "CN/女职工劳动保护特别规定/5"
	LawSPR9   = "CN/女职工劳动保护特别规定/9"
	LawWRL48  = "CN/妇女权益保障法/48"
	LawXAM13  = "CN-NM-XAM/兴署办发〔2023〕86号/13"
)

// Statute returns the basis for a statute id (one of the Law* constants).
// An unknown id returns a basis that says so, never a panic.
func Statute(id string) Basis {
	src, jur := "", "CN"
	switch id {
	case LawLCL36:
		src = "劳动合同法 第三十六条（协商一致解除）"
	case LawLCL37:
		src = "劳动合同法 第三十七条（劳动者提前通知解除）"
	case LawLCL38:
		src = "劳动合同法 第三十八条（劳动者因用人单位过错解除）"
	case LawLCL39:
		src = "劳动合同法 第三十九条（过失性辞退）"
	case LawLCL40:
		src = "劳动合同法 第四十条（无过失性辞退）"
	case LawLCL41:
		src = "劳动合同法 第四十一条（经济性裁员）"
	case LawLCL424:
		src = "劳动合同法 第四十二条第（四）项（女职工在孕期、产期、哺乳期的，不得依照第四十条、第四十一条解除劳动合同）"
	case LawLCL44:
		src = "劳动合同法 第四十四条（劳动合同终止的法定情形：依法享受基本养老保险待遇，死亡或被宣告死亡、失踪，用人单位被宣告破产，被吊销营业执照、责令关闭、撤销或提前解散等）"
	case LawLCL46:
		src = "劳动合同法 第四十六条（用人单位依第四十四条第四项、第五项终止劳动合同的，应当向劳动者支付经济补偿）"
	case LawCC201:
		src = "民法典 第二百零一条（按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算）"
	case LawCC202:
		src = "民法典 第二百零二条（按照年、月计算期间的，到期月的对应日为期间的最后一日）"
	case LawSPR7:
		src = "女职工劳动保护特别规定 第七条（产假98天，难产增加15天，多胞胎每多生育1个婴儿增加15天；流产产假）"
	case LawLCL45:
		src = "劳动合同法 第四十五条（劳动合同期满，有第四十二条规定情形之一的，应当续延至相应的情形消失时终止）"
	case LawLCL87:
		src = "劳动合同法 第八十七条（违法解除或者终止劳动合同的，按经济补偿标准的二倍支付赔偿金）"
	case LawSPR5:
		src = "女职工劳动保护特别规定 第五条（不得因怀孕、生育、哺乳降低工资、予以辞退、与其解除劳动或者聘用合同）"
	case LawSPR9:
		src = "女职工劳动保护特别规定 第九条（哺乳未满1周岁婴儿的女职工）"
	case LawWRL48:
		src = "妇女权益保障法 第四十八条（不得因结婚、怀孕、产假、哺乳等情形降低工资福利、限制晋职晋级、辞退或者单方解除劳动合同）"
	case LawXAM13:
		src, jur = SourceXAM+" 第（十三）项（禁止因女职工怀孕、生育、哺乳而降薪、辞退或单方解除、终止劳动合同）", "CN-NM-XAM"
	default:
		return Basis{RuleID: id, Source: "未收录的法条", Jurisdiction: jur}
	}
	return Basis{RuleID: id, Source: src, Jurisdiction: jur, Confidence: ConfidenceHigh}
}

func statutes(ids ...string) []Basis {
	out := make([]Basis, len(ids))
	for i, id := range ids {
		out[i] = Statute(id)
	}
	return out
}
