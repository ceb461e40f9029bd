package pii

// provinces holds the two-digit province-level codes of GB/T 2260, plus 83
// which the Ministry of Public Security assigns to residence permits of
// Taiwan residents (81 and 82, Hong Kong and Macao, are in GB/T 2260).
var provinces = map[string]bool{
	"11": true, "12": true, "13": true, "14": true, "15": true, // 华北
	"21": true, "22": true, "23": true, // 东北
	"31": true, "32": true, "33": true, "34": true, "35": true, "36": true, "37": true, // 华东
	"41": true, "42": true, "43": true, "44": true, "45": true, "46": true, // 中南
	"50": true, "51": true, "52": true, "53": true, "54": true, // 西南
	"61": true, "62": true, "63": true, "64": true, "65": true, // 西北
	"71": true, "81": true, "82": true, "83": true, // 台湾、香港、澳门、台湾居民居住证
}

// validRegion reports whether the six-digit region code starts with a
// province-level code. Finer codes are not checked: counties are merged and
// renamed over the years, while old numbers stay valid for life.
func validRegion(code string) bool {
	return len(code) == 6 && provinces[code[:2]]
}
