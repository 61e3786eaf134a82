import CLI

Sanxiang.openDashboard = CursesDashboard.run
Sanxiang.openRollup = CursesDashboard.runRollup
Sanxiang.start()
