package portal

import (
	"github.com/gofiber/fiber/v2"

	"leaveguard/leave"
)

// calendarRow is one year of the holiday calendar on the settings page.
type calendarRow struct {
	Year  int
	Label string
	Tone  string
}

// calendarLabels name what a year is counted with.
var calendarLabels = map[leave.YearSource]string{
	leave.YearOfficial:  "官方安排",
	leave.YearStatutory: "仅法定节假日（调休未知）",
	leave.YearWeekdays:  "仅周一至周五",
}

// calendarRows are the years around today, as the settings page shows them.
func (p *Portal) calendarRows() []calendarRow {
	var rows []calendarRow
	for _, y := range p.cases.CalendarYears(p.cases.Today()) {
		row := calendarRow{Year: y.Year, Label: calendarLabels[y.Source], Tone: "good"}
		if y.Source != leave.YearOfficial {
			row.Tone = "warn"
		}
		rows = append(rows, row)
	}
	return rows
}

// calendarTile warns admins from 1 December while next year's official
// schedule is not loaded.
func (p *Portal) calendarTile(*fiber.Ctx) ([]Card, error) {
	n := p.cases.NextYearNotice(p.cases.Today())
	if n == nil {
		return nil, nil
	}
	return []Card{{Label: n.Title, Value: "仅法定节假日", Note: n.Message, Link: "/settings#calendar", Tone: "warn"}}, nil
}
