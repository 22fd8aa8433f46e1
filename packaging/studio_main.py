"""Entry point of the packaged application: the same ``studio`` command as the wheel's script."""

from studio.cli import main

raise SystemExit(main())
