package app

import (
	"context"
	"fmt"
	"io"
	"os"

	"leaveguard/leave"
	"leaveguard/leave/lunar"
	"leaveguard/store"
)

// BuiltinCalendar is the built-in holiday calendar (2024–2026); every other
// year has its statutory holidays, with festival dates from package lunar.
func BuiltinCalendar() leave.Calendar { return leave.NewCalendar().WithStatutory(lunar.Festivals) }

// LoadCalendar is BuiltinCalendar plus every year imported with
// `leaveguard calendar import` (an imported year replaces its statutory
// holidays).
func LoadCalendar(ctx context.Context, st *store.Store) (leave.Calendar, error) {
	days, err := st.CalendarDays(ctx)
	if err != nil {
		return leave.Calendar{}, err
	}
	return BuiltinCalendar().WithDays(days), nil
}

// calendarImportCmd loads a year's official schedule from a JSON file of
// [{"date": "2027-01-01", "isOffDay": true, "name": "元旦"}, ...] (the
// holiday-cn format). It runs as the table owner; servers pick it up at
// their next start.
func calendarImportCmd(ctx context.Context, cfg Config, args []string, out io.Writer) error {
	if len(args) != 1 {
		return fmt.Errorf("%w: leaveguard calendar import FILE.json", ErrUsage)
	}
	data, err := os.ReadFile(args[0])
	if err != nil {
		return fmt.Errorf("读取节假日文件失败：%w", err)
	}
	days, err := leave.ParseHolidayJSON(data)
	if err != nil {
		return fmt.Errorf("节假日文件格式有误：%w", err)
	}
	db, err := OpenDB(ctx, cfg.MigrateDatabaseURL)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := store.ImportCalendarDays(ctx, db, days); err != nil {
		return err
	}
	years := map[int]int{}
	for _, d := range days {
		years[d.Date.Year()]++
	}
	fmt.Fprintf(out, "已导入 %d 天（按年份：%v）；重启服务后生效\n", len(days), years)
	return nil
}
