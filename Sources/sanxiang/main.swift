import CLI

Sanxiang.start(Session(openDashboard: CursesDashboard.run, openRollup: CursesDashboard.runRollup))
