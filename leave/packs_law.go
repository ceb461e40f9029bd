package leave

// law is one version of a regional regulation as LeaveGuard read it: the
// document (name and amendment), the jurisdiction, the days it is applied
// (From..To; To zero = open-ended), how sure we are, and the text the
// figures were read from (Read), which every parameter's note carries.
type law struct {
	jur  string
	doc  string
	from Date
	to   Date
	conf Confidence
	read string
}

// p returns the parameter key = v (unit) of l, citing art (the article, or
// "条款号未核实") and adding note, if any, before the text it was read from.
func (l law) p(key string, v int, unit, art, note string) Param {
	n := "据：" + l.read
	if note != "" {
		n = note + "。" + n
	}
	return Param{Key: key, Jurisdiction: l.jur, Value: v, Unit: unit, EffectiveFrom: l.from, EffectiveTo: l.to,
		Source: l.doc + " " + art, Confidence: l.conf, Note: n}
}

// extensions returns the maternity extension days for children 1, 2 and 3.
func (l law) extensions(art, note string, days ...int) []Param {
	out := make([]Param, len(days))
	for i, v := range days {
		out[i] = l.p(KeyExtension(i+1), v, "days", art, note)
	}
	return out
}

// until returns a copy of l that ends on day to.
func (l law) until(to string) law {
	l.to = MustDate(to)
	return l
}
