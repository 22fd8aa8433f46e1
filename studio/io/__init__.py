"""Files: the design file, ``.agentconfig.json``, the templates gallery and recovery. No Qt."""
