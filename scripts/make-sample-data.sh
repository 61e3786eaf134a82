#!/usr/bin/env bash
# Rebuilds sample-data/ from seed 000: the import, the plan settings and staffing written
# here, and a month of realistic progress (August–September 2019) made through the command
# line, so that every change is in the journal. The clock is pinned with SANXIANG_NOW, so the
# result is the same bytes on every run. Then regenerates the copy built into the binary.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product sanxiang >/dev/null
bin=.build/debug/sanxiang
seed=Tests/Fixtures/seeds/000_de8e65a7f89fc84c.txt
out=sample-data
rm -rf "$out"

at() { SANXIANG_NOW="$1" "${@:2}"; }
sx() { local when=$1 who=$2; shift 2; SANXIANG_NOW="$when" "$bin" --store "$out" --as "$who" --lang en "$@" >/dev/null; }

at 2019-08-20T09:00:00+08:00 "$bin" import "$seed" --into "$out" --as 王芳 --agency 某区税务局 --lang en >/dev/null

# Plan settings: the 5% rule, the plan's start, and the 2019 holidays that move working days.
cat >"$out/plan.ini" <<'INI'
# sanxiang plan settings. One `key = value` a line; repeat a key to list several values.
title = 全面推行“三项制度”工作任务分工表
agency = 某区税务局
note = （区局法制科承担全面推行“三项制度”工作的总牵头职责）
# Legal reviewers must be at least this percent of each unit's enforcement staff;
# leave empty when the plan sets no percentage.
reviewer_percent = 5
start = 2019-08-20
# Working groups, in the plan's order.
group = 综合工作项目组
group = 行政执法公示制度工作项目组
group = 执法全过程记录制度工作项目组
group = 重大执法决定法制审核制度工作项目组
# Days off and make-up working days for "N working days" deadlines.
holiday = 2019-09-13
holiday = 2019-10-01..2019-10-07
workday = 2019-09-29
workday = 2019-10-12
INI

# Staffing as counted in August: enforcement staff (penalty, coercion, inspection,
# collection, licensing) and legal reviewers per unit. 第一税务所 sits exactly on the 5% line.
cat >"$out/staffing.csv" <<'CSV'
unit,enforcement,reviewers
法制科,4,3
征收管理科,18,1
纳税服务科,22,1
人事教育科,0,0
办公室,0,0
财务管理科,0,0
绩效办,0,0
第一税务所,40,2
第二税务所,36,1
第三税务所,27,1
稽查局,45,1
CSV

# August: the kick-off work.
sx 2019-08-26T17:40:00+08:00 王芳 done 3 --note "8月26日召开动员暨第一次培训会议，参会86人"
sx 2019-08-28T10:15:00+08:00 王芳 done 1 --note "实施方案经全面依法行政领导小组审议通过"
sx 2019-08-29T09:30:00+08:00 王芳 start 2
sx 2019-08-30T16:05:00+08:00 李明 done 5 --on 2019-08-30 --note "执法资格证书清理完毕，核发工作按月持续开展"
sx 2019-08-30T16:20:00+08:00 李明 reopen 5
sx 2019-09-02T11:00:00+08:00 王芳 note 2 "例会制度已建立；联络员名单待人事教育科确认"
# September: drafting starts, one task done early, one blocked.
sx 2019-09-02T14:30:00+08:00 李明 start 4
sx 2019-09-05T09:10:00+08:00 陈静 start 27
sx 2019-09-11T15:45:00+08:00 刘洋 done 23 --note "执法音像记录管理制度及用语指引已印发"
sx 2019-09-16T10:20:00+08:00 陈静 note 28 "各税务所法制审核岗人选已上报；稽查局尚缺2人"
sx 2019-09-18T16:30:00+08:00 刘洋 block 22 --note "执法记录仪采购需财务管理科追加预算"
sx 2019-09-19T09:05:00+08:00 陈静 start 29
sx 2019-09-19T11:40:00+08:00 张伟 start 18
sx 2019-09-19T15:20:00+08:00 王芳 staffing set 第三税务所 --reviewers 2
sx 2019-09-19T17:10:00+08:00 陈静 done 31
sx 2019-09-19T17:12:00+08:00 陈静 undo

python3 scripts/bundle-sample.py
echo "sample-data/ rebuilt; check with: $bin --store sample-data --today 2019-09-20 standup"
