import CLI

Sanxiang.main()
