import CLI

Sanxiang.openDashboard = CursesDashboard.run
Sanxiang.start()
