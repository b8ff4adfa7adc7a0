#!/usr/bin/env bash
# load-demo.sh GATEWAY_URL — load a small, plausible demo data set through the platform's gateway.
#
#   infra/demo/load-demo.sh http://127.0.0.1:8080
#
# What it records, across all 11 counties of Changdu City (昌都市), as of mid-October 2020 (./platform
# runs the services on a demo clock in the plan year, see PLATFORM_TODAY):
#   16 training classes with 80 trainees: inspections, assessments (one class below the 80% pass rate),
#   completions, job recommendations, follow-ups, subsidies claimed/approved/paid, and one refused
#   attempt at duplicate training in another county; 40 job placements over the five transfer channels
#   and three destinations (7 of them are earlier trainees, with the same resident ID); 8 construction
#   projects with real-name rosters (local farmers/herders and workers from outside, one project below
#   the 30% local share), monthly wages, and two open wage-arrears cases (one government-invested).
# The data is fixed: names and resident IDs come from a seeded generator, so every run sends the same
# requests. Resident IDs follow GB 11643-1999 (county code, birth date, sequence with odd = male,
# ISO 7064 MOD 11-2 check character).
#
# Every request is a POST with a JSON body (UTF-8, sent byte for byte with --data-binary) and the
# headers Content-Type: application/json, X-Actor-Id: demo-loader and X-Actor-Department: <the
# department that records it>. Any answer other than 2xx stops the script and prints the response.
# Needs only bash and curl.
set -euo pipefail

die() { printf 'load-demo: %s\n' "$*" >&2; exit 1; }

[[ $# -eq 1 && -n "$1" ]] || die "usage: $0 GATEWAY_URL   (e.g. http://127.0.0.1:8080)"
GATEWAY="${1%/}"
command -v curl >/dev/null || die "curl is needed"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# ---------------------------------------------------------------------------------------------
# Resident IDs (GB 11643-1999)
# ---------------------------------------------------------------------------------------------
readonly ID_WEIGHTS=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2)
readonly ID_CHECK_CHARS="10X98765432"

# Sets CHECK_CHAR to the ISO 7064 MOD 11-2 check character of a 17-digit ID body.
id_check_char() {
  local body="$1" sum=0 i
  for ((i = 0; i < 17; i++)); do
    sum=$((sum + ${body:i:1} * ID_WEIGHTS[i]))
  done
  CHECK_CHAR="${ID_CHECK_CHARS:sum % 11:1}"
}

# Guard: the check-character code must agree with a known valid ID.
id_check_char 11010519491231002
[[ "$CHECK_CHAR" == X ]] || die "check-digit self-test failed: got '$CHECK_CHAR' for 11010519491231002X"

# ---------------------------------------------------------------------------------------------
# Geography: the 11 counties (GB/T 2260), their county HR offices and a few townships each
# ---------------------------------------------------------------------------------------------
declare -A COUNTY_NAME=(
  [540302]=卡若区 [540321]=江达县 [540322]=贡觉县 [540323]=类乌齐县 [540324]=丁青县 [540325]=察雅县
  [540326]=八宿县 [540327]=左贡县 [540328]=芒康县 [540329]=洛隆县 [540330]=边坝县
)
declare -A TOWNSHIPS=(
  [540302]="城关镇 俄洛镇 卡若镇 芒达乡 沙贡乡 如意乡 日通乡 埃西乡"
  [540321]="江达镇 岗托镇 邓柯乡 生达乡 娘西乡 字嘎乡 同普乡 波罗乡"
  [540322]="莫洛镇 相皮乡 哈加乡 雄松乡 拉妥乡 阿旺乡 木协乡 罗麦乡"
  [540323]="桑多镇 类乌齐镇 卡玛多乡 吉多乡 滨达乡 岗色乡 尚卡乡 伊日乡"
  [540324]="丁青镇 尺牍镇 沙贡乡 当堆乡 桑多乡 木塔乡 布塔乡 协雄乡"
  [540325]="烟多镇 吉塘镇 香堆镇 宗沙乡 肯通乡 扩达乡 新卡乡 王卡乡"
  [540326]="白马镇 然乌镇 邦达镇 同卡镇 郭庆乡 拉根乡 益庆乡 吉达乡"
  [540327]="旺达镇 田妥镇 扎玉镇 东坝乡 仁果乡 绕金乡 碧土乡 美玉乡"
  [540328]="嘎托镇 如美镇 索多西乡 莽岭乡 宗西乡 昂多乡 措瓦乡 木许乡"
  [540329]="孜托镇 硕督镇 康沙镇 马利镇 玉西乡 腊久乡 俄西乡 中亦乡"
  [540330]="草卡镇 边坝镇 沙丁乡 金岭乡 加贡乡 马武乡 热玉乡 都瓦乡"
)
county_hr() { HR_OFFICE="${COUNTY_NAME[$1]}人社局"; }

# ---------------------------------------------------------------------------------------------
# People: a seeded generator of Tibetan names and valid, unique resident IDs
# ---------------------------------------------------------------------------------------------
readonly MALE_FIRST=(扎西 次仁 尼玛 达瓦 索朗 旦增 洛桑 格桑 普布 拉巴 边巴 阿旺 土登 强巴 巴桑
  次旦 平措 嘎玛 罗布 群培 贡布 加措 桑珠 仁增 益西 泽仁 多吉 顿珠 贡嘎 晋美)
readonly MALE_SECOND=(多吉 旺堆 次仁 平措 顿珠 扎西 罗布 群培 丹增 加措 桑珠 贡布 尼玛 达瓦
  伦珠 旺杰 曲扎 江村 列珠 晋美)
readonly FEMALE_FIRST=(次仁 格桑 达瓦 尼玛 白玛 央金 德吉 益西 拉巴 普布 边巴 索朗 曲珍 卓嘎
  次旦 巴桑 仁青 斯朗 扎西 美朗)
readonly FEMALE_SECOND=(卓玛 拉姆 央宗 卓嘎 措姆 曲珍 央金 旺姆 德吉 玉珍 次珍 白珍 普赤 桑姆
  措吉 仓决)

RNG_STATE=2020
# Sets R to a pseudo-random integer in [0, $1).
rand() {
  RNG_STATE=$(((RNG_STATE * 1103515245 + 12345) % 2147483648))
  R=$(((RNG_STATE >> 16) % $1))
}

declare -A USED_NAMES=() USED_IDS=()
PEOPLE=0
# Sets P_NAME, P_ID (18 characters) and P_TOWNSHIP for a new person living in county $1.
new_person() {
  local county="$1" male first second body year month day seq townships
  while :; do
    rand 2; male=$R
    if ((male)); then
      rand "${#MALE_FIRST[@]}"; first="${MALE_FIRST[R]}"
      rand "${#MALE_SECOND[@]}"; second="${MALE_SECOND[R]}"
    else
      rand "${#FEMALE_FIRST[@]}"; first="${FEMALE_FIRST[R]}"
      rand "${#FEMALE_SECOND[@]}"; second="${FEMALE_SECOND[R]}"
    fi
    [[ "$first" != "$second" && -z "${USED_NAMES[$first$second]:-}" ]] && break
  done
  P_NAME="$first$second"
  while :; do
    rand 38; year=$((1965 + R))          # born 1965–2002, and 18 by April 2020
    if ((year == 2002)); then rand 3; else rand 12; fi
    month=$((1 + R))
    rand 28; day=$((1 + R))
    rand 499; seq=$((2 * R + 2 - male))   # odd = male (001 … 997), even = female (002 … 998)
    printf -v body '%s%04d%02d%02d%03d' "$county" "$year" "$month" "$day" "$seq"
    [[ -z "${USED_IDS[$body]:-}" ]] && break
  done
  id_check_char "$body"
  P_ID="$body$CHECK_CHAR"
  read -r -a townships <<<"${TOWNSHIPS[$county]}"
  rand "${#townships[@]}"
  P_TOWNSHIP="${townships[R]}"
  USED_NAMES[$P_NAME]=1
  USED_IDS[$body]=1
  PEOPLE=$((PEOPLE + 1))
}

# ---------------------------------------------------------------------------------------------
# HTTP
# ---------------------------------------------------------------------------------------------
# A JSON string literal (escapes backslashes and double quotes; the data has no control characters).
json_str() {
  local s="${1//\\/\\\\}"
  printf '"%s"' "${s//\"/\\\"}"
}

REQUESTS=0
# post PATH DEPARTMENT JSON [ACTOR] — POST (or $METHOD) through the gateway; sets RESPONSE to the body of a 2xx answer.
post() {
  local path="$1" department="$2" json="$3" actor="${4:-demo-loader}" code
  REQUESTS=$((REQUESTS + 1))
  if ! code="$(printf '%s' "$json" | curl -sS --max-time 30 -o "$TMP/response" -w '%{http_code}' \
      -X "${METHOD:-POST}" \
      -H 'Content-Type: application/json' \
      -H 'Accept: application/json' \
      -H "X-Actor-Id: $actor" \
      -H "X-Actor-Department: $department" \
      --data-binary @- \
      "$GATEWAY$path")"; then
    die "${METHOD:-POST} $GATEWAY$path: no answer (is the platform running?)"
  fi
  RESPONSE=""
  [[ -f "$TMP/response" ]] && RESPONSE="$(<"$TMP/response")"
  rm -f "$TMP/response"
  if [[ "$code" != 2?? ]]; then
    {
      printf 'load-demo: %s %s%s failed with HTTP %s\n' "${METHOD:-POST}" "$GATEWAY" "$path" "$code"
      printf '  department: %s\n  request:  %s\n  response: %s\n' "$department" "$json" "$RESPONSE"
    } >&2
    exit 1
  fi
}

# post_refused PATH DEPARTMENT JSON RULE — a POST the platform must refuse (422) with that rule.
post_refused() {
  local path="$1" department="$2" json="$3" rule="$4" code
  REQUESTS=$((REQUESTS + 1))
  code="$(printf '%s' "$json" | curl -sS --max-time 30 -o "$TMP/response" -w '%{http_code}' -X POST \
    -H 'Content-Type: application/json' -H 'X-Actor-Id: demo-loader' -H "X-Actor-Department: $department" \
    --data-binary @- "$GATEWAY$path")" || die "POST $GATEWAY$path: no answer (is the platform running?)"
  RESPONSE="$(<"$TMP/response")"
  rm -f "$TMP/response"
  [[ "$code" == 422 && "$RESPONSE" == *"\"$rule\""* ]] \
    || die "POST $GATEWAY$path should have been refused by $rule, but got HTTP $code: $RESPONSE"
}

# Sets FIELD to the value of a top-level "$1" in RESPONSE (a string or a bare number); fails if absent.
json_field() {
  local name="$1"
  FIELD="$(printf '%s' "$RESPONSE" | tr -d '\n' |
    sed -n "s/.*\"$name\"[[:space:]]*:[[:space:]]*\"\{0,1\}\([^\",}[:space:]]*\).*/\1/p")"
  [[ -n "$FIELD" ]] || die "no \"$name\" in the answer to the last request: $RESPONSE"
}

# ---------------------------------------------------------------------------------------------
# 1. Training classes and their trainees (recorded by the county HR office)
# ---------------------------------------------------------------------------------------------
# county | organiser | trade | planned size | start | end | filed on (≥ 5 working days before start) | trainees
readonly CLASSES=(
  "540321|江达县职业技能培训中心|电工|30|2020-06-01|2020-06-20|2020-05-20|6"
  "540302|昌都市卡若区职业技能培训学校|钢筋工|40|2020-04-20|2020-05-15|2020-04-08|6"
  "540302|昌都市职业技术学校|藏式烹饪|25|2020-07-06|2020-07-31|2020-06-22|5"
  "540322|贡觉县职业技能培训中心|焊工|30|2020-05-11|2020-06-05|2020-04-27|5"
  "540323|类乌齐县职业技能培训中心|家政服务|30|2020-06-08|2020-06-28|2020-05-25|5"
  "540324|丁青县民族手工艺培训基地|唐卡绘画|20|2020-05-18|2020-08-14|2020-05-06|4"
  "540325|察雅县职业技能培训中心|挖掘机操作|25|2020-06-15|2020-07-10|2020-06-01|5"
  "540326|八宿县然乌镇旅游服务培训点|客房服务|30|2020-05-25|2020-06-12|2020-05-12|5"
  "540327|左贡县职业技能培训中心|汽车维修|25|2020-07-13|2020-08-07|2020-06-29|5"
  "540328|芒康县职业技能培训中心|藏式烹饪|30|2020-04-27|2020-05-22|2020-04-14|5"
  "540329|洛隆县职业技能培训中心|砌筑工|35|2020-05-06|2020-05-29|2020-04-22|5"
  "540330|边坝县职业技能培训中心|电子商务|25|2020-08-03|2020-08-21|2020-07-20|5"
  "540321|江达县职业技能培训中心|氆氇编织|20|2020-09-01|2020-09-25|2020-08-18|4"
  "540325|察雅县职业技能培训中心|钢筋工|40|2020-08-10|2020-09-04|2020-07-27|5"
  "540302|昌都市卡若区职业技能培训学校|养老护理|20|2020-09-14|2020-10-09|2020-08-31|5"
  "540328|芒康县职业技能培训中心|焊工|30|2020-06-22|2020-07-17|2020-06-08|5"
)

STARTED_AT=$SECONDS
declare -A TRAINEE_NAME=() TRAINEE_ID=() TRAINEE_KEY=()   # key "class.k", e.g. "4.1" = first trainee of class 4
declare -A CLASS_ID=() CLASS_COUNT=() CLASS_COUNTY=() CLASS_START=() CLASS_END=()
TRAINEES=0
class_no=0
for row in "${CLASSES[@]}"; do
  IFS='|' read -r county organiser trade size start end filed count <<<"$row"
  class_no=$((class_no + 1))
  county_hr "$county"
  post /api/training/classes "$HR_OFFICE" \
    "{\"countyCode\":\"$county\",\"organiser\":$(json_str "$organiser"),\"trade\":$(json_str "$trade"),\"plannedSize\":$size,\"startDate\":\"$start\",\"endDate\":\"$end\",\"subsidyStandard\":\"1500.00\",\"occurredAt\":\"${filed}T02:00:00Z\"}"
  json_field classId
  class_id="$FIELD"
  CLASS_ID[$class_no]="$class_id"; CLASS_COUNT[$class_no]="$count"; CLASS_COUNTY[$class_no]="$county"
  CLASS_START[$class_no]="$start"; CLASS_END[$class_no]="$end"
  for ((k = 1; k <= count; k++)); do
    new_person "$county"
    post "/api/training/classes/$class_id/trainees" "$HR_OFFICE" \
      "{\"name\":$(json_str "$P_NAME"),\"residentId\":\"$P_ID\",\"township\":$(json_str "$P_TOWNSHIP"),\"occurredAt\":\"${start}T02:00:00Z\"}"
    json_field personKey
    TRAINEE_KEY[$class_no.$k]="$FIELD"
    TRAINEE_NAME[$class_no.$k]="$P_NAME"
    TRAINEE_ID[$class_no.$k]="$P_ID"
    TRAINEES=$((TRAINEES + 1))
  done
done

# ---------------------------------------------------------------------------------------------
# 1b. The classes' course: two inspections each (classes 13 and 14 have had one, so they are not
#     completed), assessments (class 6: one of four fails, a 75% pass rate), completion the day after
#     the end; the first two trainees of each completed class are recommended a job and followed up
#     (a second time once 3 months have passed by mid-October); the trainees of classes 1–3 claim
#     their subsidy (the county office claims, its head approves, the finance office pays).
# ---------------------------------------------------------------------------------------------
days_after() { date -d "$1 $2 day" +%F; }
# inspection_json INSPECTOR DATE — a visit with the five items of the plan, all in order
inspection_json() {
  local item items=""
  for item in ORGANISER_COMPLIANCE TRAINEE_ATTENDANCE TEACHING_EQUIPMENT SKILL_MASTERY SAFETY_MANAGEMENT; do
    items+="${items:+,}{\"item\":\"$item\",\"passed\":true}"
  done
  printf '{"inspector":%s,"inspectedOn":"%s","occurredAt":"%sT08:00:00Z","results":[%s]}' "$(json_str "$1")" "$2" "$2" "$items"
}
readonly SECOND_FOLLOW_UP_BY=2020-10-15   # 3 months after the end have passed for classes ending by mid-July
COMPLETED=0
for ((c = 1; c <= ${#CLASSES[@]}; c++)); do
  county="${CLASS_COUNTY[$c]}"; county_hr "$county"; base="/api/training/classes/${CLASS_ID[$c]}"
  start="${CLASS_START[$c]}"; end="${CLASS_END[$c]}"
  post "$base/inspections" 市人社局 "$(inspection_json 市人社局督导组 "$(days_after "$start" 3)")"
  ((c == 13 || c == 14)) && continue
  post "$base/inspections" "$HR_OFFICE" "$(inspection_json "${HR_OFFICE}督导组" "$(days_after "$end" -2)")"
  for ((k = 1; k <= CLASS_COUNT[$c]; k++)); do
    passed=true; ((c == 6 && k == 4)) && passed=false
    post "$base/trainees/${TRAINEE_KEY[$c.$k]}/assessment" "$HR_OFFICE" "{\"passed\":$passed,\"occurredAt\":\"${end}T08:00:00Z\"}"
  done
  post "$base/completion" "$HR_OFFICE" "{\"occurredAt\":\"$(days_after "$end" 1)T02:00:00Z\"}"
  COMPLETED=$((COMPLETED + 1))
  IFS='|' read -r _ _ trade _ <<<"${CLASSES[c - 1]}"
  for k in 1 2; do
    trainee="$base/trainees/${TRAINEE_KEY[$c.$k]}"
    post "$trainee/recommendations" "$HR_OFFICE" \
      "{\"employer\":\"昌都市康巴人力资源服务有限公司\",\"position\":$(json_str "$trade"),\"occurredAt\":\"$(days_after "$end" 3)T02:00:00Z\"}"
    status=EMPLOYED; ((k == 2 && c % 2 == 1)) && status=NOT_EMPLOYED; ((k == 2 && c % 2 == 0)) && status=SELF_EMPLOYED
    post "$trainee/follow-ups" "$HR_OFFICE" "{\"employmentStatus\":\"$status\",\"occurredAt\":\"$(days_after "$end" 10)T02:00:00Z\"}"
    second="$(days_after "$end" 95)"
    if [[ ! "$second" > "$SECOND_FOLLOW_UP_BY" ]]; then
      post "$trainee/follow-ups" "$HR_OFFICE" "{\"employmentStatus\":\"$status\",\"occurredAt\":\"${second}T02:00:00Z\"}"
    fi
  done
  if ((c <= 3)); then
    for ((k = 1; k <= CLASS_COUNT[$c]; k++)); do
      subsidy="$base/trainees/${TRAINEE_KEY[$c.$k]}/subsidy"
      post "$subsidy" "$HR_OFFICE" "{\"occurredAt\":\"$(days_after "$end" 5)T02:00:00Z\"}"
      post "$subsidy/approval" "$HR_OFFICE" "{\"occurredAt\":\"$(days_after "$end" 8)T02:00:00Z\"}" demo-office-head
      post "$subsidy/payment" 市财政局 "{\"occurredAt\":\"$(days_after "$end" 12)T02:00:00Z\"}" demo-finance
    done
  fi
done

# Trainee 2.1 (a steel fixer trained in 卡若区 in April–May) is put forward for 察雅县's steel-fixing class in
# August: refused as duplicate training in another county (多头培训); training-service records the attempt and
# the dashboard alerts.
county_hr 540325
post_refused "/api/training/classes/${CLASS_ID[14]}/trainees" "$HR_OFFICE" \
  "{\"name\":$(json_str "${TRAINEE_NAME[2.1]}"),\"residentId\":\"${TRAINEE_ID[2.1]}\",\"occurredAt\":\"2020-08-05T02:00:00Z\"}" \
  no-duplicate-training

# ---------------------------------------------------------------------------------------------
# 2. Construction projects (recorded by the department in charge)
# ---------------------------------------------------------------------------------------------
# name | county | department | government-invested | planned workforce | registered on
readonly PROJECTS=(
  "昌都市卡若区易地扶贫搬迁安置点建设项目|540302|住建局|true|120|2020-04-01"
  "国道317线江达县段改建整治工程|540321|交通局|true|200|2020-03-20"
  "贡觉县拉妥乡农村饮水安全巩固提升工程|540322|水利局|true|60|2020-04-15"
  "八宿县然乌镇旅游基础设施建设项目|540326|发改委|true|80|2020-04-20"
  "芒康县如美镇易地扶贫搬迁配套基础设施项目|540328|住建局|true|90|2020-05-06"
  "洛隆县县城供排水管网改造工程|540329|水利局|true|70|2020-05-18"
  "类乌齐县桑多镇商贸综合楼建设项目|540323|住建局|false|150|2020-04-10"
  "左贡县田妥镇光伏电站配套工程|540327|发改委|false|100|2020-06-01"
)
declare -A PROJECT_ID=() PROJECT_COUNTY=() PROJECT_DEPARTMENT=() PROJECT_PUBLIC=()
project_no=0
for row in "${PROJECTS[@]}"; do
  IFS='|' read -r name county department public workforce registered <<<"$row"
  project_no=$((project_no + 1))
  post /api/projects "$department" \
    "{\"name\":$(json_str "$name"),\"countyCode\":\"$county\",\"department\":$(json_str "$department"),\"governmentInvested\":$public,\"plannedWorkforce\":$workforce,\"occurredAt\":\"${registered}T02:00:00Z\"}"
  json_field projectId
  PROJECT_ID[$project_no]="$FIELD"
  PROJECT_COUNTY[$project_no]="$county"
  PROJECT_DEPARTMENT[$project_no]="$department"
  PROJECT_PUBLIC[$project_no]="$public"
done

# ---------------------------------------------------------------------------------------------
# 3. Placements (organised out-of-region work is recorded by the city HR bureau, the rest by
#    the county HR office). Person "T4.1" = the first trainee of class 4; "new" = someone new.
# ---------------------------------------------------------------------------------------------
# person | county | channel | employer | destination | start | expected monthly income
readonly PLACEMENTS=(
  "T1.1|540321|CONSTRUCTION_PROJECT|西藏天路股份有限公司|IN_COUNTY|2020-07-01|5200.00"
  "T2.1|540302|CONSTRUCTION_PROJECT|昌都市城市建设投资有限公司|IN_COUNTY|2020-05-20|5400.00"
  "T11.1|540329|CONSTRUCTION_PROJECT|西藏建工建材集团有限公司|IN_COUNTY|2020-06-08|5000.00"
  "new|540302|CONSTRUCTION_PROJECT|昌都市城市建设投资有限公司|IN_COUNTY|2020-04-20|5000.00"
  "new|540302|CONSTRUCTION_PROJECT|昌都市城市建设投资有限公司|IN_COUNTY|2020-04-20|4800.00"
  "new|540321|CONSTRUCTION_PROJECT|西藏天路股份有限公司|IN_COUNTY|2020-04-01|5200.00"
  "new|540322|CONSTRUCTION_PROJECT|贡觉县水利工程建设有限公司|IN_COUNTY|2020-05-06|4500.00"
  "new|540326|CONSTRUCTION_PROJECT|八宿县城乡建设开发有限公司|IN_COUNTY|2020-05-11|4600.00"
  "new|540328|CONSTRUCTION_PROJECT|西藏建工建材集团有限公司|IN_COUNTY|2020-05-18|4800.00"
  "new|540324|CONSTRUCTION_PROJECT|西藏天路股份有限公司|IN_TIBET|2020-06-01|5500.00"
  "new|540323|CONSTRUCTION_PROJECT|昌都市城市建设投资有限公司|IN_TIBET|2020-04-27|5000.00"
  "T4.1|540322|ORGANISED_OUT_OF_REGION|天津滨海新区重型装备制造有限公司|OUT_OF_REGION|2020-06-20|5500.00"
  "new|540302|ORGANISED_OUT_OF_REGION|天津经济技术开发区电子科技有限公司|OUT_OF_REGION|2020-05-15|4800.00"
  "new|540324|ORGANISED_OUT_OF_REGION|福建晋江鞋服制造有限公司|OUT_OF_REGION|2020-06-10|4500.00"
  "new|540327|ORGANISED_OUT_OF_REGION|重庆两江新区汽车零部件有限公司|OUT_OF_REGION|2020-07-01|5000.00"
  "new|540330|ORGANISED_OUT_OF_REGION|浙江义乌小商品物流有限公司|OUT_OF_REGION|2020-07-15|4600.00"
  "new|540329|ORGANISED_OUT_OF_REGION|广东东莞电子制造有限公司|OUT_OF_REGION|2020-08-03|4700.00"
  "new|540323|LOCAL_INDUSTRY|类乌齐县牦牛产业开发有限公司|IN_COUNTY|2020-05-01|3000.00"
  "new|540323|LOCAL_INDUSTRY|类乌齐县牦牛产业开发有限公司|IN_COUNTY|2020-05-01|3000.00"
  "new|540325|LOCAL_INDUSTRY|察雅县藏香猪养殖专业合作社|IN_COUNTY|2020-06-01|2800.00"
  "new|540328|LOCAL_INDUSTRY|芒康县葡萄酒业有限公司|IN_COUNTY|2020-07-01|3200.00"
  "new|540327|LOCAL_INDUSTRY|左贡县农牧民专业合作社|IN_COUNTY|2020-05-15|2600.00"
  "new|540324|LOCAL_INDUSTRY|丁青县民族手工艺品合作社|IN_COUNTY|2020-08-20|2800.00"
  "new|540321|LOCAL_INDUSTRY|江达县藏香制作专业合作社|IN_COUNTY|2020-06-15|2700.00"
  "new|540330|LOCAL_INDUSTRY|边坝县农畜产品加工合作社|IN_COUNTY|2020-07-01|2600.00"
  "T5.1|540323|SOCIAL_FORCES|拉萨市家和家政服务有限公司|IN_TIBET|2020-07-10|3600.00"
  "new|540302|SOCIAL_FORCES|昌都市康巴人力资源服务有限公司|IN_TIBET|2020-06-01|4200.00"
  "new|540325|SOCIAL_FORCES|西藏高原劳务派遣有限公司|IN_TIBET|2020-06-15|4000.00"
  "new|540326|SOCIAL_FORCES|西藏高原劳务派遣有限公司|OUT_OF_REGION|2020-07-01|4800.00"
  "new|540329|SOCIAL_FORCES|昌都市康巴人力资源服务有限公司|IN_TIBET|2020-05-20|3900.00"
  "new|540322|SOCIAL_FORCES|四川甘孜劳务经纪服务部|OUT_OF_REGION|2020-08-01|4500.00"
  "T3.1|540302|PRIVATE_ENTERPRISE|昌都市茶马古道酒店有限公司|IN_COUNTY|2020-08-10|3800.00"
  "T10.1|540328|PRIVATE_ENTERPRISE|芒康县盐井纳西民俗酒店有限公司|IN_COUNTY|2020-06-01|3600.00"
  "new|540326|PRIVATE_ENTERPRISE|八宿县然乌湖旅游服务有限公司|IN_COUNTY|2020-06-20|3500.00"
  "new|540302|PRIVATE_ENTERPRISE|昌都市康巴物流有限公司|IN_COUNTY|2020-05-10|4000.00"
  "new|540327|PRIVATE_ENTERPRISE|左贡县鑫源汽车维修有限公司|IN_COUNTY|2020-08-15|3800.00"
  "new|540330|PRIVATE_ENTERPRISE|西藏圣源商贸有限公司|IN_TIBET|2020-09-01|3500.00"
  "new|540321|PRIVATE_ENTERPRISE|昌都市城投电力安装有限公司|IN_TIBET|2020-07-06|4800.00"
  "new|540325|PRIVATE_ENTERPRISE|察雅县雪域建材有限公司|IN_COUNTY|2020-06-08|4200.00"
  "new|540324|PRIVATE_ENTERPRISE|丁青县康巴宾馆有限公司|IN_COUNTY|2020-05-25|3200.00"
)
declare -A PLACED_NAME=() PLACED_ID=() PLACEMENT_ID=() PLACED_START=() PLACED_INCOME=() PLACED_DEPARTMENT=()
placement_no=0
for row in "${PLACEMENTS[@]}"; do
  IFS='|' read -r person county channel employer destination start income <<<"$row"
  placement_no=$((placement_no + 1))
  if [[ "$person" == new ]]; then
    new_person "$county"
    name="$P_NAME"; resident_id="$P_ID"
  else
    [[ -n "${TRAINEE_ID[${person#T}]:-}" ]] || die "placement $placement_no names unknown trainee $person"
    name="${TRAINEE_NAME[${person#T}]}"; resident_id="${TRAINEE_ID[${person#T}]}"
    [[ "${resident_id:0:6}" == "$county" ]] || die "placement $placement_no: $person lives in ${resident_id:0:6}, not $county"
  fi
  if [[ "$channel" == ORGANISED_OUT_OF_REGION ]]; then
    department=市人社局
  else
    county_hr "$county"; department="$HR_OFFICE"
  fi
  post /api/employment/placements "$department" \
    "{\"name\":$(json_str "$name"),\"residentId\":\"$resident_id\",\"countyCode\":\"$county\",\"channel\":\"$channel\",\"employer\":$(json_str "$employer"),\"destination\":\"$destination\",\"startDate\":\"$start\",\"expectedMonthlyIncome\":\"$income\",\"occurredAt\":\"${start}T02:00:00Z\"}"
  json_field placementId
  PLACEMENT_ID[$placement_no]="$FIELD"
  PLACED_NAME[$placement_no]="$name"
  PLACED_ID[$placement_no]="$resident_id"
  PLACED_START[$placement_no]="$start"; PLACED_INCOME[$placement_no]="$income"; PLACED_DEPARTMENT[$placement_no]="$department"
done

# ---------------------------------------------------------------------------------------------
# 3b. After placing: the 3-month check (稳岗核查) of the placements that started by mid-June (one
#     person is no longer employed; the later ones are still to be checked, those started by 20 July
#     overdue). The business clock already reads October, so the checks fall overdue the moment a
#     placement is recorded and the alerts close again when the check below arrives;
#     monthly income for August and September, job postings, urban employment and unemployment.
# ---------------------------------------------------------------------------------------------
VERIFIED=0
for ((n = 1; n <= ${#PLACEMENTS[@]}; n++)); do
  start="${PLACED_START[$n]}"; base="/api/employment/placements/${PLACEMENT_ID[$n]}"; department="${PLACED_DEPARTMENT[$n]}"
  if [[ ! "$start" > 2020-06-15 ]]; then
    status=STILL_EMPLOYED; ((n == 20)) && status=NOT_EMPLOYED
    checked="$(date -d "$start 3 month" +%F)"
    post "$base/verification" "$department" \
      "{\"residentId\":\"${PLACED_ID[$n]}\",\"verifiedOn\":\"$checked\",\"status\":\"$status\",\"occurredAt\":\"${checked}T03:00:00Z\"}"
    VERIFIED=$((VERIFIED + 1))
  fi
  for period in 2020-08 2020-09; do
    [[ "$start" < "$period-01" && $n != 20 ]] || continue
    post "$base/income" "$department" \
      "{\"residentId\":\"${PLACED_ID[$n]}\",\"period\":\"$period\",\"amount\":\"${PLACED_INCOME[$n]}\",\"occurredAt\":\"$(date -d "$period-01 1 month" +%F)T03:00:00Z\"}"
  done
done

# county | employer | sector | positions | monthly wage | region | province | published on
readonly JOBS=(
  "540302|昌都市城市建设投资有限公司|建筑业|60|5000.00|IN_COUNTY||2020-03-16"
  "540321|西藏天路股份有限公司|建筑业|80|5200.00|IN_TIBET||2020-03-20"
  "540328|芒康县葡萄酒业有限公司|制造业|25|3200.00|IN_COUNTY||2020-04-08"
  "540302|天津滨海新区重型装备制造有限公司|制造业|50|5500.00|OUT_OF_REGION|天津|2020-04-15"
  "540323|类乌齐县牦牛产业开发有限公司|农牧业|30|3000.00|IN_COUNTY||2020-04-20"
  "540326|八宿县然乌湖旅游服务有限公司|住宿餐饮|20|3500.00|IN_COUNTY||2020-05-06"
)
for row in "${JOBS[@]}"; do
  IFS='|' read -r county employer sector positions wage region province published <<<"$row"
  county_hr "$county"
  post /api/employment/jobs "$HR_OFFICE" \
    "{\"countyCode\":\"$county\",\"employer\":$(json_str "$employer"),\"sector\":$(json_str "$sector"),\"positions\":$positions,\"monthlyWage\":\"$wage\",\"region\":\"$region\"${province:+,\"province\":$(json_str "$province")},\"publishedOn\":\"$published\",\"occurredAt\":\"${published}T02:00:00Z\"}"
done

# urban employment: the city's urban labour force (an illustrative base), six new jobs, three people registered
# unemployed (one of them has found work since)
METHOD=PUT post /api/employment/urban/labour-force/540302/2020 市人社局 '{"labourForce":42000}'
for ((u = 1; u <= 6; u++)); do
  new_person 540302
  post /api/employment/urban/employment 卡若区人社局 \
    "{\"name\":$(json_str "$P_NAME"),\"residentId\":\"$P_ID\",\"countyCode\":\"540302\",\"employer\":\"昌都市康巴物流有限公司\",\"registeredOn\":\"2020-0$((u + 3))-15\",\"occurredAt\":\"2020-0$((u + 3))-15T02:00:00Z\"}"
done
for ((u = 1; u <= 3; u++)); do
  new_person 540302
  post /api/employment/urban/unemployment 卡若区人社局 \
    "{\"name\":$(json_str "$P_NAME"),\"residentId\":\"$P_ID\",\"countyCode\":\"540302\",\"registeredOn\":\"2020-03-0$u\",\"occurredAt\":\"2020-03-0${u}T02:00:00Z\"}"
  if ((u == 3)); then
    post /api/employment/urban/unemployment/end 卡若区人社局 \
      "{\"residentId\":\"$P_ID\",\"endedOn\":\"2020-07-01\",\"reason\":\"EMPLOYED\",\"occurredAt\":\"2020-07-01T02:00:00Z\"}"
  fi
done

# ---------------------------------------------------------------------------------------------
# 4. Real-name rosters and monthly wages on the projects (recorded by the project's department).
#    Worker "P2" = the person of placement 2; "W1" … = a local farmer/herder of the project's county,
#    "N1" … = a worker from outside Changdu; both new on first use. Each joins, is paid for each month
#    listed (government-invested projects pay on the 5th of the next month, the others on the 10th;
#    wages are due by the 15th), and leaves on the day given ("-": still on the roster). Two months
#    stay partly or wholly unpaid: W8 on project 2 (government-invested) and N5 on project 7. Project 7
#    ends up with only outside workers, below the plan's 30% local share.
# ---------------------------------------------------------------------------------------------
# project | worker | joined | left | monthly rate | trade | paid: period:amount …
readonly ROSTERS=(
  "1|P2|2020-06-01|-|5400.00|钢筋工|2020-06:5400.00 2020-07:5400.00 2020-08:5400.00 2020-09:5400.00"
  "1|P4|2020-05-01|2020-06-30|5000.00|砌筑工|2020-05:5000.00 2020-06:5000.00"
  "1|P5|2020-05-01|2020-05-31|4800.00|架子工|2020-05:4800.00"
  "1|P11|2020-05-01|2020-06-30|5000.00|砌筑工|2020-05:5000.00 2020-06:5000.00"
  "2|P1|2020-07-01|-|5200.00|筑路工|2020-07:5200.00 2020-08:5200.00 2020-09:5200.00"
  "2|P6|2020-05-01|2020-07-31|5200.00|筑路工|2020-05:5200.00 2020-06:5200.00 2020-07:5200.00"
  "2|P10|2020-06-01|2020-07-31|5500.00|机械操作工|2020-06:5500.00 2020-07:5500.00"
  "2|W8|2020-08-01|-|5000.00|筑路工|2020-08:5000.00 2020-09:3000.00"
  "2|N1|2020-07-01|-|6500.00|隧道施工员|2020-07:6500.00 2020-08:6500.00 2020-09:6500.00"
  "3|P7|2020-05-01|2020-06-30|4500.00|管道工|2020-05:4500.00 2020-06:4500.00"
  "3|W1|2020-06-01|2020-06-30|4300.00|管道工|2020-06:4300.00"
  "4|P8|2020-06-01|2020-07-31|4600.00|木工|2020-06:4600.00 2020-07:4600.00"
  "4|W2|2020-07-01|2020-07-31|4400.00|木工|2020-07:4400.00"
  "5|P9|2020-06-01|2020-07-31|4800.00|钢筋工|2020-06:4800.00 2020-07:4800.00"
  "5|W3|2020-06-01|2020-06-30|4500.00|钢筋工|2020-06:4500.00"
  "6|P3|2020-07-01|2020-08-31|5000.00|管道工|2020-07:5000.00 2020-08:5000.00"
  "6|W4|2020-07-01|-|4600.00|管道工|2020-07:4600.00 2020-08:4600.00 2020-09:4600.00"
  "7|W5|2020-06-01|2020-07-31|4200.00|砌筑工|2020-06:4200.00 2020-07:4200.00"
  "7|W6|2020-06-01|2020-06-30|4200.00|砌筑工|2020-06:4200.00"
  "7|N2|2020-08-01|-|5500.00|幕墙安装工|2020-08:5500.00 2020-09:5500.00"
  "7|N3|2020-08-01|-|5500.00|幕墙安装工|2020-08:5500.00 2020-09:5500.00"
  "7|N4|2020-08-01|-|5500.00|电工|2020-08:5500.00 2020-09:5500.00"
  "7|N5|2020-08-01|-|5500.00|电工|2020-08:5500.00"
  "8|W7|2020-07-01|-|4500.00|电工|2020-07:4500.00 2020-08:4500.00 2020-09:4500.00"
)
readonly OUTSIDE_COUNTY=513325   # 四川省甘孜州雅江县: the outside workers' registered residence
declare -A WORKER_NAME=() WORKER_ID=()
PAYMENTS=0
ROSTER_ENTRIES=0
for row in "${ROSTERS[@]}"; do
  IFS='|' read -r project worker joined left rate trade paid <<<"$row"
  department="${PROJECT_DEPARTMENT[$project]}"; base="/api/projects/${PROJECT_ID[$project]}"
  case "$worker" in
    P*) name="${PLACED_NAME[${worker#P}]}"; resident_id="${PLACED_ID[${worker#P}]}" ;;
    W* | N*)
      if [[ -z "${WORKER_ID[$worker]:-}" ]]; then
        new_person "${PROJECT_COUNTY[$project]}"
        if [[ "$worker" == N* ]]; then     # the same person, registered outside Changdu
          id_check_char "$OUTSIDE_COUNTY${P_ID:6:11}"; P_ID="$OUTSIDE_COUNTY${P_ID:6:11}$CHECK_CHAR"
        fi
        WORKER_NAME[$worker]="$P_NAME"; WORKER_ID[$worker]="$P_ID"
      fi
      name="${WORKER_NAME[$worker]}"; resident_id="${WORKER_ID[$worker]}"
      ;;
    *) die "unknown worker reference $worker" ;;
  esac
  if [[ "$worker" == N* ]]; then
    local_fields='"localFarmerHerder":"否"'
  else
    local_fields="\"localFarmerHerder\":\"是\",\"homeCountyCode\":\"${resident_id:0:6}\""
  fi
  post "$base/roster" "$department" \
    "{\"name\":$(json_str "$name"),\"residentId\":\"$resident_id\",$local_fields,\"trade\":$(json_str "$trade"),\"wageRate\":\"$rate\",\"socialInsuranceRegistered\":\"是\",\"joinedOn\":\"$joined\",\"occurredAt\":\"${joined}T01:00:00Z\"}"
  ROSTER_ENTRIES=$((ROSTER_ENTRIES + 1))
  for payment in $paid; do
    period="${payment%%:*}"; amount="${payment#*:}"
    year="${period%-*}"; month=$((10#${period#*-} + 1))
    if ((month > 12)); then month=1; year=$((year + 1)); fi
    pay_day=10; [[ "${PROJECT_PUBLIC[$project]}" == true ]] && pay_day=5
    printf -v paid_on '%04d-%02d-%02d' "$year" "$month" "$pay_day"
    post "$base/wages" "$department" \
      "{\"name\":$(json_str "$name"),\"residentId\":\"$resident_id\",\"period\":\"$period\",\"amount\":\"$amount\",\"paidOn\":\"$paid_on\",\"occurredAt\":\"${paid_on}T02:00:00Z\"}"
    json_field paymentId
    PAYMENTS=$((PAYMENTS + 1))
  done
  if [[ "$left" != - ]]; then
    post "$base/roster/departures" "$department" \
      "{\"residentId\":\"$resident_id\",\"leftOn\":\"$left\",\"occurredAt\":\"${left}T10:00:00Z\"}"
  fi
done

# County splits of the plan's city targets (illustrative: the plan's attachment tables are not in its text).
targets_csv="$(dirname "${BASH_SOURCE[0]}")/targets-2020-counties.csv"
status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$GATEWAY/api/reports/targets/import" \
  -H 'X-Actor-Id: demo-loader' -H "X-Actor-Department: $(printf '%s' '市人社局' | od -An -tx1 | tr ' ' '%' | tr -d '\n' | sed 's/%%*/%/g')" \
  -F "file=@${targets_csv};type=text/csv")
[[ "$status" == 200 ]] || die "loading the county targets failed (HTTP $status)"
REQUESTS=$((REQUESTS + 1))

printf 'Demo data loaded through %s: %d classes (%d completed), %d trainees, %d placements, %d projects, %d roster entries, %d wage payments (%d people, 11 counties, %d requests, %d s)\n' \
  "$GATEWAY" "${#CLASSES[@]}" "$COMPLETED" "$TRAINEES" "${#PLACEMENTS[@]}" "${#PROJECTS[@]}" "$ROSTER_ENTRIES" "$PAYMENTS" \
  "$PEOPLE" "$REQUESTS" "$((SECONDS - STARTED_AT))"
