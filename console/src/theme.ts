/**
 * The console's brand: the app's red (`--xf-red` #c8161d in src/app.scss) as TDesign's primary colour (the tokens
 * are set in styles.css), and the chart palette the dashboard draws with: red first, then gold and warm,
 * muted companions that stay apart from each other and from TDesign's default blue.
 */
export const BRAND_RED = '#c8161d';
export const CHART_PALETTE = [BRAND_RED, '#d48806', '#8c5a3c', '#5b6f80', '#e4797d', '#b8923a'] as const;
