package main

func doAddress(args []string) int { return 1 }
func doLink(args []string) int    { return 1 }
func doMonitor(args []string) int { return 1 }
