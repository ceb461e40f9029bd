package leave

import "strings"

// ComponentLabel names a part of a maternity leave in Chinese; the regional
// extension is named after the province whose rule granted it
// ("内蒙古延长产假", "广东延长产假"), read from its first basis.
func ComponentLabel(c Component) string {
	switch c.Code {
	case CompNationalBase:
		return "国家规定产假"
	case CompDystocia:
		return "难产增加"
	case CompMultipleBirth:
		return "多胞胎增加"
	case CompRegionalExtension:
		if len(c.Basis) > 0 {
			if name := provinceShortName(c.Basis[0].Jurisdiction); name != "" {
				return name + "延长产假"
			}
		}
		return "地方延长产假"
	}
	return c.Code
}

// provinceShortName is the short name of the province of region code
// (CN-NM-XAM → 内蒙古, CN-GD → 广东), or "" for an unknown code or CN.
func provinceShortName(code string) string {
	byCode := map[string]Jurisdiction{}
	for _, j := range DefaultJurisdictions() {
		byCode[j.Code] = j
	}
	for j, ok := byCode[code]; ok && j.Parent != ""; j, ok = byCode[j.Parent] {
		if j.Parent == "CN" {
			name := j.Name
			for _, suffix := range []string{"自治区", "省", "市"} {
				name = strings.TrimSuffix(name, suffix)
			}
			return name
		}
	}
	return ""
}
