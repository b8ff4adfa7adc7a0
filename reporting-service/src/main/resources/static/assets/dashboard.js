// The central dashboard: reads /api/reports/dashboard, re-reads it when the server says new events were projected.
const TEXT = {
  zh: { title: "昌都市转移就业工作平台 · 实时指标", planYear: "计划年度", asOf: "进度截至", elapsed: "全年时间进度",
        byChannel: "分渠道转移就业", byQuarter: "分季度（按业务发生时间）", byCounty: "分县（区）排名", byDepartment: "分部门",
        position: "数据同步状态", lang: "English", target: "目标", county: "县（区）", department: "部门",
        topic: "数据流", lastOccurredAt: "最新业务时间", lastProjectedAt: "最近处理", lag: "待处理",
        live: "实时", offline: "连接中断，正在重连", updated: "更新于", rankBy: "排序指标", forecast: "年末预测",
        alerts: "预警", kind: "类型", owner: "责任单位", age: "已持续（天）", status: "状态", noAlerts: "暂无未关闭的预警",
        acknowledge: "确认", close: "关闭", OPEN: "未处理", ACKNOWLEDGED: "已确认", CLOSED: "已关闭",
        whoAreYou: "请输入您的姓名与部门（如：张三/市人社局）", city: "全市",
        rebuilding: "读模型重建中", rebuilt: "读模型最近重建于",
        projects: "工程项目本地用工与欠薪（当前）", project: "项目", governmentInvested: "政府投资", yes: "是", no: "否",
        workers: "本地 / 总用工", localShare: "本地用工占比", openArrears: "未清偿欠薪（元）", workersInArrears: "被欠薪人数",
        noProjects: "暂无登记项目", noData: "暂无数据", closed: "已完工", belowShare: "低于 30%",
        GREEN: "绿色", YELLOW: "黄色", ORANGE: "橙色", RED: "红色", NONE: "无目标" },
  en: { title: "Changdu labour-transfer platform · live indicators", planYear: "Plan year", asOf: "pace as of", elapsed: "year elapsed",
        byChannel: "Transfers by channel", byQuarter: "By quarter (business time)", byCounty: "Counties ranked", byDepartment: "By department",
        position: "Projection position", lang: "中文", target: "target", county: "County", department: "Department",
        topic: "Topic", lastOccurredAt: "Latest business time", lastProjectedAt: "Last projected", lag: "Lag",
        live: "live", offline: "disconnected, reconnecting", updated: "updated", rankBy: "rank by", forecast: "forecast",
        alerts: "Alerts", kind: "Kind", owner: "Owner", age: "Age (days)", status: "Status", noAlerts: "No open alerts",
        acknowledge: "Acknowledge", close: "Close", OPEN: "open", ACKNOWLEDGED: "acknowledged", CLOSED: "closed",
        whoAreYou: "Your name and department (e.g. Zhang San/市人社局)", city: "City",
        rebuilding: "rebuilding the read model", rebuilt: "read model last rebuilt",
        projects: "Construction projects: local labour and arrears (now)", project: "Project", governmentInvested: "Government-invested",
        yes: "yes", no: "no", workers: "Local / all workers", localShare: "Local share", openArrears: "Open arrears (yuan)",
        workersInArrears: "Workers owed", noProjects: "No projects registered", noData: "no data yet", closed: "closed", belowShare: "below 30%",
        GREEN: "green", YELLOW: "yellow", ORANGE: "orange", RED: "red", NONE: "no target" }
};
const COUNTY_EN = { "540302": "Karuo", "540321": "Jomda", "540322": "Gonjo", "540323": "Riwoqe", "540324": "Dengqen",
  "540325": "Zhag'yab", "540326": "Baxoi", "540327": "Zogang", "540328": "Markam", "540329": "Lhorong", "540330": "Banbar" };
const TABLE_INDICATORS = ["peopleTrained", "transfers", "transferIncome", "passRate", "localLabourShare", "openArrears"];
// the overview cards: the plan's headline targets, then what needs action
const CARD_INDICATORS = ["peopleTrained", "consolidationTrained", "orderDirectedShare", "passRate", "inspectedTwiceShare",
  "recommendedShare", "followedUpShare", "transfers", "govOrganisedOutOfRegion", "transferIncome", "jobsDeveloped",
  "urbanNewEmployment", "urbanUnemploymentRate", "localLabourShare",
  "openArrears", "openArrearsGovernment", "openArrearsWorkers", "projectsInArrears", "duplicateTrainingAttempts",
  "classesFiled", "projectsRegistered", "subsidyPaid"];

let lang = localStorage.getItem("lang") || "zh";
let view = null;
let rankBy = "transfers";
const t = key => TEXT[lang][key] ?? key;
const locale = () => (lang === "zh" ? "zh-CN" : "en-US");
const num = v => (v === null || v === undefined ? "—" : Number(v).toLocaleString(locale(), { maximumFractionDigits: 2 }));
const pct = id => id.endsWith("Share") || id.endsWith("Rate");
const time = v => (v ? new Date(v).toLocaleString(locale()) : "—");
const name = i => (lang === "zh" ? i.zh : i.en);
const esc = s => String(s).replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
const byId = (list, id) => list.find(i => i.id === id);
const charts = {};

function render() {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.querySelectorAll("[data-i18n]").forEach(e => (e.textContent = t(e.dataset.i18n)));
  document.getElementById("lang").textContent = t("lang");
  if (!view) return;
  document.getElementById("year").textContent = view.year;
  document.getElementById("asof").textContent = view.asOf;
  document.getElementById("elapsed").textContent = Math.round(view.elapsedShare * 100) + "%";
  document.getElementById("rule").textContent = lang === "zh" ? view.rule.zh : view.rule.en;

  document.getElementById("cards").innerHTML = CARD_INDICATORS.map(id => byId(view.city, id)).filter(Boolean).map(i => {
    const s = i.status || { colour: "NONE" };
    const target = i.target === null ? "" :
      `<div class="target">${t("target")} ${num(i.target)}${i.ratio !== null ? ` · ${num(i.ratio)}%` : ""} · ${i.value === null ? t("noData") : t(s.colour)}`
      + `${s.forecast !== null && !pct(i.id) ? ` · ${t("forecast")} ${num(s.forecast)}` : ""}</div>`;
    return `<div class="card" data-indicator="${i.id}" data-status="${s.colour}"><div class="label">${esc(name(i))}</div>`
      + `<div class="value">${num(i.value)}${pct(i.id) && i.value !== null ? "%" : ""}</div>${target}</div>`;
  }).join("");

  const select = document.getElementById("rankBy");
  select.innerHTML = TABLE_INDICATORS.map(id => `<option value="${id}" ${id === rankBy ? "selected" : ""}>${esc(name(byId(view.city, id)))}</option>`).join("");
  const ranked = [...view.counties].sort((a, b) => Number(byId(b.indicators, rankBy).value) - Number(byId(a.indicators, rankBy).value));
  document.getElementById("counties").innerHTML = areaTable(ranked, t("county"), a => (lang === "zh" ? a.name : COUNTY_EN[a.area] ?? a.area));
  document.getElementById("departments").innerHTML = areaTable(view.departments, t("department"), a => a.name);
  document.getElementById("projects").innerHTML = projectTable(view.projects);
  document.getElementById("position").innerHTML = `<tr><th>${t("topic")}</th><th>${t("lastOccurredAt")}</th><th>${t("lastProjectedAt")}</th><th>${t("lag")}</th></tr>`
    + view.position.map(p => `<tr><td>${esc(p.topic)}</td><td>${time(p.lastOccurredAt)}</td><td>${time(p.lastProjectedAt)}</td><td>${p.lag < 0 ? "—" : num(p.lag)}</td></tr>`).join("");
  document.getElementById("alertCount").textContent = view.alerts.length || "";
  const countyName = code => (lang === "zh" ? (view.counties.find(c => c.area === code)?.name ?? t("city")) : (COUNTY_EN[code] ?? t("city")));
  document.getElementById("alerts").innerHTML = `<tr><th>${t("kind")}</th><th>${t("county")}</th><th>${t("owner")}</th><th>${t("age")}</th><th>${t("status")}</th></tr>`
    + (view.alerts.length === 0 ? `<tr><td colspan="5">${t("noAlerts")}</td></tr>` : view.alerts.map(a =>
      `<tr data-alert="${esc(a._id)}" data-status="${a.status}"><td>${esc(lang === "zh" ? a.zh : a.en)}</td><td>${esc(countyName(a.countyCode))}</td>`
      + `<td>${esc(a.owner ?? "—")}</td><td>${num(a.ageDays)}</td><td>${t(a.status)}`
      + (a.status === "OPEN" ? `<button data-action="acknowledge">${t("acknowledge")}</button>` : "")
      + `<button data-action="close">${t("close")}</button></td></tr>`).join(""));
  const r = view.rebuild;
  document.getElementById("rebuild").textContent = r && r.state === "RUNNING"
    ? `${t("rebuilding")} ${num(r.done)} / ${num(r.total)} · ${num(r.eventsPerSecond)}/s · ETA ${r.etaSeconds ?? "—"} s`
    : r && r.finishedAt ? `${t("rebuilt")} ${time(r.finishedAt)} (${r.target})` : "";
  drawCharts();
}

function areaTable(areas, title, label) {
  const head = `<tr><th>${title}</th>${TABLE_INDICATORS.map(id => `<th>${esc(name(byId(view.city, id)))}</th>`).join("")}</tr>`;
  return head + areas.map(a => `<tr data-area="${esc(a.area)}"><td>${esc(label(a))}</td>` + TABLE_INDICATORS.map(id => {
    const i = byId(a.indicators, id);
    const colour = i.status ? i.status.colour : "NONE";
    return `<td>${num(i.value)}${i.target !== null ? `<span class="dot ${colour}" title="${t(colour)}"></span>` : ""}</td>`;
  }).join("") + "</tr>").join("");
}

function projectTable(projects) {
  const countyName = code => (lang === "zh" ? (view.counties.find(c => c.area === code)?.name ?? code) : (COUNTY_EN[code] ?? code));
  const head = `<tr><th>${t("project")}</th><th>${t("county")}</th><th>${t("department")}</th><th>${t("governmentInvested")}</th>`
    + `<th>${t("workers")}</th><th>${t("localShare")}</th><th>${t("openArrears")}</th><th>${t("workersInArrears")}</th></tr>`;
  if (projects.length === 0) return head + `<tr><td colspan="8">${t("noProjects")}</td></tr>`;
  return head + projects.map(p => `<tr data-project="${esc(p.projectId)}" data-below="${p.belowLocalShare}"${p.closed ? ' data-status="CLOSED"' : ""}>`
    + `<td>${esc(p.name)}${p.closed ? ` (${t("closed")})` : ""}</td><td>${esc(countyName(p.countyCode))}</td><td>${esc(p.department ?? "—")}</td>`
    + `<td>${t(p.governmentInvested ? "yes" : "no")}</td><td>${num(p.localWorkers)} / ${num(p.totalWorkers)}</td>`
    + `<td>${p.localShare === null ? "—" : num(p.localShare) + "%"}${p.belowLocalShare ? `<span class="dot RED" title="${t("belowShare")}"></span>` : ""}</td>`
    + `<td>${num(p.openArrears)}${p.openArrearsCases > 0 ? `<span class="dot RED"></span>` : ""}</td><td>${num(p.workersInArrears)}</td></tr>`).join("");
}

function drawCharts() {
  if (!window.echarts) return;
  const channel = charts.channel ??= echarts.init(document.getElementById("channelChart"));
  const quarter = charts.quarter ??= echarts.init(document.getElementById("quarterChart"));
  const channels = view.channelIndicators.map(id => byId(view.city, id));
  channel.setOption({
    grid: { left: 110, right: 20, top: 10, bottom: 25 }, tooltip: {},
    xAxis: { type: "value" }, yAxis: { type: "category", data: channels.map(name) },
    series: [{ type: "bar", data: channels.map(i => Number(i.value)), itemStyle: { color: "#9f1239" } },
             { type: "bar", data: channels.map(i => (i.target === null ? null : Number(i.target))), itemStyle: { color: "#e5e7eb" } }]
  }, true);
  const series = ["peopleTrained", "transfers"].map(id => ({
    name: name(byId(view.city, id)), type: "bar", data: view.quarters.map(q => Number(q.values[id]))
  }));
  quarter.setOption({
    grid: { left: 50, right: 20, top: 30, bottom: 25 }, tooltip: {}, legend: { top: 0 },
    xAxis: { type: "category", data: view.quarters.map(q => q.quarter) }, yAxis: { type: "value" }, series
  }, true);
}

async function refresh() {
  const response = await fetch("/api/reports/dashboard", { cache: "no-store" });
  if (!response.ok) throw new Error(String(response.status));
  view = await response.json();
  const rebuild = await fetch("/api/reports/rebuild", { cache: "no-store" }).then(r => r.json()).catch(() => null);
  view.rebuild = rebuild;
  view.alerts = await fetch("/api/reports/alerts", { cache: "no-store" }).then(r => r.json())
    .then(list => list.filter(a => a.status !== "CLOSED")).catch(() => []);
  render();
  const f = document.getElementById("freshness");
  f.textContent = `${t("live")} · ${t("updated")} ${time(new Date())}`;
}

function connect() {
  const source = new EventSource("/api/reports/stream");
  const f = document.getElementById("freshness");
  source.addEventListener("hello", () => { f.dataset.state = "live"; refresh().catch(() => {}); });
  source.addEventListener("changed", () => refresh().catch(() => {}));
  source.onerror = () => { f.dataset.state = "offline"; f.textContent = t("offline"); };
}

document.getElementById("lang").addEventListener("click", () => {
  lang = lang === "zh" ? "en" : "zh";
  localStorage.setItem("lang", lang);
  render();
});
document.getElementById("alerts").addEventListener("click", async e => {
  const action = e.target.dataset.action;
  if (!action) return;
  let who = localStorage.getItem("operator");
  if (!who) {
    who = prompt(t("whoAreYou"));
    if (!who || !who.includes("/")) return;
    localStorage.setItem("operator", who);
  }
  const [id, department] = who.split("/");
  const alertId = e.target.closest("tr").dataset.alert;
  await fetch(`/api/reports/alerts/${encodeURIComponent(alertId)}/${action}`, {
    method: "POST", headers: { "X-Actor-Id": encodeURIComponent(id.trim()), "X-Actor-Department": encodeURIComponent(department.trim()) } });
  refresh().catch(() => {});
});
document.getElementById("rankBy").addEventListener("change", e => { rankBy = e.target.value; render(); });
window.addEventListener("resize", () => Object.values(charts).forEach(c => c.resize()));
render();
refresh().catch(() => {});
connect();
