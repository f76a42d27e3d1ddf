import { CRISIS_COLOR, NEGATIVE, POSITIVE, WAR_COLOR } from '../report/palette.ts';

/** The page's look: large type for a projector at 1280×720, the reports' colours, visible focus. */
export const CLASSROOM_STYLE = `
  :root { --accent: ${POSITIVE}; --warn: ${CRISIS_COLOR}; --bad: ${WAR_COLOR}; --shock: ${NEGATIVE}; --changed: #fff4d6; }
  * { box-sizing: border-box; }
  html, body { margin: 0; height: 100%; }
  body { font-family: 'DejaVu Sans', system-ui, sans-serif; font-size: 18px; color: #1a1a1a; line-height: 1.35; background: #fafafa; }
  :focus-visible { outline: 3px solid var(--warn); outline-offset: 2px; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  header.top { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 18px; padding: 8px 16px; background: white; border-bottom: 1px solid #ddd; position: sticky; top: 0; z-index: 2; }
  header.top h1 { font-size: 21px; margin: 0; flex: 1 1 200px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .transport { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
  button, select, input[type=number] { font: inherit; font-size: 17px; }
  button { padding: 5px 12px; border: 1px solid #888; border-radius: 5px; background: #f1f1f1; color: #111; cursor: pointer; min-height: 38px; }
  button:hover { background: #e4e4e4; } button:disabled { color: #888; cursor: default; }
  button.primary { background: var(--accent); color: white; border-color: var(--accent); }
  #scrub { width: 220px; }
  #now { font-variant-numeric: tabular-nums; font-weight: bold; min-width: 5.5em; font-size: 20px; }
  .layout { display: grid; grid-template-columns: 360px 1fr; gap: 0; min-height: calc(100vh - 58px); }
  aside.controls { background: white; border-right: 1px solid #ddd; padding: 6px 14px 20px; overflow-y: auto; max-height: calc(100vh - 58px); position: sticky; top: 58px; }
  aside h2, .stage h2 { font-size: 19px; margin: 12px 0 6px; }
  .field { display: flex; align-items: center; gap: 8px; margin: 4px 0 8px; }
  .field input[type=number] { width: 8em; padding: 4px 6px; }
  .slider { padding: 4px 6px; margin: 0 -6px 4px; border-radius: 4px; }
  .slider.changed { background: var(--changed); }
  .slider-head { display: flex; justify-content: space-between; gap: 8px; font-weight: bold; font-size: 17px; }
  .slider output { font-variant-numeric: tabular-nums; }
  .slider input[type=range] { width: 100%; height: 26px; margin: 2px 0; accent-color: var(--accent); }
  .help { font-size: 14px; color: #444; margin: 0 0 2px; line-height: 1.25; }
  ul.events { list-style: none; padding: 0; margin: 0; }
  .event { display: flex; gap: 8px; align-items: flex-start; padding: 3px 4px; border-radius: 4px; font-size: 16px; }
  .event input { width: 20px; height: 20px; margin-top: 2px; flex: none; accent-color: var(--accent); }
  .event.changed { background: var(--changed); }
  .event.past .when { font-weight: bold; }
  .event .when { font-variant-numeric: tabular-nums; color: #333; }
  .event .kind { color: #666; font-size: 14px; }
  .event.shock .what { color: var(--shock); }
  .stage { padding: 6px 16px 24px; min-width: 0; }
  .resultbar { display: flex; align-items: center; gap: 6px 16px; }
  #strip { display: flex; flex-wrap: wrap; gap: 2px 18px; font-size: 19px; flex: 1 1 auto; min-width: 0; }
  .baseline-buttons { display: flex; gap: 8px; flex: none; }
  #strip .outcome { font-weight: bold; }
  .outcome.de-escalated { color: #00795a; } .outcome.escalated { color: #a65c00; } .outcome.war { color: var(--bad); }
  .status { min-height: 1.3em; font-size: 16px; color: #444; margin: 2px 0; }
  .status.error { color: var(--bad); font-weight: bold; }
  .chart { width: 100%; min-height: 60px; }
  .columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.5fr); gap: 20px; }
  table { border-collapse: collapse; font-size: 16px; width: 100%; }
  tbody th { font-weight: normal; width: 46%; }
  th, td { border-bottom: 1px solid #e4e4e4; padding: 3px 10px; text-align: left; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  ol.happened { list-style: none; padding: 0; margin: 0; font-size: 16px; }
  ol.happened li { padding: 2px 0; } ol.happened .when { font-variant-numeric: tabular-nums; color: #555; }
  ol.happened li.shock, ol.happened li.collapse { color: var(--shock); } ol.happened li.agreement { color: var(--accent); font-weight: bold; }
  code.command { display: block; font-family: 'DejaVu Sans Mono', monospace; font-size: 14px; background: #f0f0f0; padding: 6px 8px; word-break: break-all; }
  input#link { width: 100%; font-size: 14px; padding: 4px; }
  progress { width: 240px; height: 18px; }
`;
