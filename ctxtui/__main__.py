from ctxtui.cli.main import main

raise SystemExit(main())
