package main

func init() {
	register(&scenario{Order: 90, Name: "dismissal-10k", Title: "dismissal check, {employees} employees in all (10 tenants)",
		Method: "POST", Route: "/api/v1/dismissal-checks", Small: true, Prepare: dismissalOver(0, 10, 10000)})
	register(&scenario{Order: 91, Name: "dismissal-1m", Title: "dismissal check, {employees} employees in all (10 of the tenants)",
		Method: "POST", Route: "/api/v1/dismissal-checks", Prepare: dismissalOver(1, 11, 10000)})
	register(&scenario{Order: 92, Name: "dismissal-big", Title: "dismissal check, one tenant of {big} employees",
		Method: "POST", Route: "/api/v1/dismissal-checks", Prepare: dismissalOver(0, 1, 20000)})
}
