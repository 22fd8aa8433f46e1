"""The config panel mirroring the ``backend-architect`` section of ``.agentconfig.json``."""
