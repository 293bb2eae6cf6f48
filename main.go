// Command returnsdesk is the returns desk of an electronics store: a kiosk
// for the checkout terminal and the commands around it. See README.md.
package main

import (
	"os"

	"example.com/returnsdesk/ui/cli"
)

func main() {
	os.Exit(cli.Main(cli.OSEnv(), os.Args[1:]))
}
