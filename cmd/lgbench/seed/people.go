package seed

import (
	"fmt"
	"time"

	"leaveguard/app/pii"
	"leaveguard/leave"
)

var (
	surnames  = []rune("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
	given     = []rune("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹香月莺媛瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽阳妮宝贝初程梵罡恒鸿桦骅剑娇纪宽苛灵玛媚琪晴容睿烁堂唯威韦雯苇萱阅彦宇雨洋忠宗曼紫逸贤蝶菡绿蓝儿翠烟")
	idRegions = []string{"152201", "152202", "152221", "152222", "152223", "152224", "150102", "150203", "110105", "210102"}
)

// person is an employee being generated, with the history that decides her
// leave (the domain facts, ledger and bookings as the service keeps them).
type person struct {
	tenant   Tenant
	id       string
	gender   leave.Gender
	hired    leave.Date
	contract *leave.Date
	facts    leave.Facts
	ledger   leave.Ledger
	booked   []leave.Booking
	wage     int64
	insured  bool
	wages    map[int]int64 // the tenant's average wages (allowance basis)
}

// emitEmployee writes employee number i of tenant t and returns it.
func (g *gen) emitEmployee(t Tenant, i int) *person {
	rng := g.rng
	p := &person{tenant: t, id: newUUID(rng), gender: leave.Female}
	male := rng.IntN(2) == 0
	if male {
		p.gender = leave.Male
	}
	name := string(surnames[rng.IntN(len(surnames))]) + string(given[rng.IntN(len(given))])
	if rng.IntN(3) > 0 {
		name += string(given[rng.IntN(len(given))])
	}
	// (birth date, sequence) is unique within a tenant: the date is shifted
	// by i/500 days and the sequence is i%500 with the gender digit.
	born := leave.NewDate(1976, time.January, 1).AddDays(i/500 + 2000*rng.IntN(5))
	seq := (i % 500) * 2
	if male {
		seq++
	}
	nid := pii.MakeNationalID(idRegions[rng.IntN(len(idRegions))], compact(born), seq)
	enc, err := g.cipher.Encrypt([]byte(nid))
	if err != nil {
		panic(err) // crypto/rand failing is not recoverable
	}
	p.hired = g.today.AddDays(-30 - rng.IntN(20*365))
	if rng.Float64() < 0.7 { // fixed-term contract, the rest open-ended
		end := g.today.AddDays(rng.IntN(4*365) - 120)
		if end.Before(p.hired) {
			end = p.hired.AddYears(3)
		}
		p.contract = &end
		p.facts.ContractEnd = end
	}
	p.facts.Gender = p.gender
	p.wage, p.insured, p.wages = int64(300000+rng.IntN(2700000)), rng.Float64() < 0.95, g.wages
	created := p.hired.Time().Add(time.Duration(rng.IntN(86400)) * time.Second)
	g.e.row("employees", t.ID, p.id, fmt.Sprintf("E%07d", i), name, string(p.gender), enc, g.cipher.Hash(nid),
		pii.MaskNationalID(nid), p.hired.String(), optDate(p.contract), p.wage, p.insured, nil, created, created)
	return p
}

func compact(d leave.Date) string {
	return fmt.Sprintf("%04d%02d%02d", d.Year(), int(d.Month()), d.Day())
}

// optDate is a nullable date column.
func optDate(d *leave.Date) any {
	if d == nil || d.IsZero() {
		return nil
	}
	return d.String()
}
