package main

func doMonitor(args []string) int { return 1 }
