package app

// SeedDemoPayroll exposes seedDemoPayroll to the app_test package.
var SeedDemoPayroll = seedDemoPayroll
