// Writes the screenshots used in docs/explorer.md (not a test; run by hand):
//   npx tsx tests/e2e/screenshots.ts [graph.json] [--prefix articles-]
// Without an argument it uses a seeded synthetic graph, laid out as the build would.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { generateSyntheticGraph } from "../../src/graph/synthetic";
import { layoutGraph } from "../../src/layout/layoutGraph";
import { ROOT, buildApp, launchChromium, removeDir, serveApp, waitForGraph } from "./harness";

const OUT = join(ROOT, "docs", "screenshots");

async function main() {
  mkdirSync(OUT, { recursive: true });
  const args = process.argv.slice(2);
  const pi = args.indexOf("--prefix");
  const prefix = pi >= 0 ? args.splice(pi, 2)[1] : "";
  const file = args[0];
  const body = file ? readFileSync(file, "utf8") : JSON.stringify(layoutGraph(generateSyntheticGraph({ actors: 120, seed: 4 }), { quality: "default" }));
  const graph = JSON.parse(body);
  const dir = buildApp();
  const server = await serveApp(dir, body);
  const browser = await launchChromium();
  try {
    const desktop = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await desktop.goto(server.url);
    await waitForGraph(desktop);
    await desktop.waitForTimeout(600);
    await desktop.screenshot({ path: join(OUT, prefix + "desktop-overview.png") });

    const hub = await desktop.evaluate(() =>
      window
        .__cy!.nodes()
        .sort((a, b) => b.degree(false) - a.degree(false))[0]
        .id(),
    );
    await desktop.goto(`${server.url}?actor=${hub}`);
    await waitForGraph(desktop);
    await desktop.waitForTimeout(600);
    await desktop.screenshot({ path: join(OUT, prefix + "desktop-actor.png") });

    const edge = await desktop.evaluate(() =>
      window
        .__cy!.edges()
        .sort((a, b) => b.data("evidenceCount") - a.data("evidenceCount"))[0]
        .id(),
    );
    await desktop.goto(`${server.url}?edge=${encodeURIComponent(edge)}`);
    await waitForGraph(desktop);
    await desktop.waitForTimeout(300);
    await desktop.screenshot({ path: join(OUT, prefix + "desktop-evidence.png") });
    await desktop.getByTestId("open-article").first().click();
    await desktop.waitForTimeout(300);
    await desktop.screenshot({ path: join(OUT, prefix + "desktop-article.png") });

    // Pair view: two actors with a dispute between them, if any.
    const disputed = graph.relations.find((r: { disputed: boolean }) => r.disputed) ?? graph.relations[0];
    await desktop.goto(`${server.url}?pair=${disputed.source},${disputed.target}`);
    await waitForGraph(desktop);
    await desktop.waitForTimeout(500);
    await desktop.screenshot({ path: join(OUT, prefix + "desktop-pair.png") });

    // Time: a brushed period.
    const dates = graph.documents
      .map((d: { date: string | null }) => d.date)
      .filter(Boolean)
      .sort();
    if (dates.length > 2) {
      await desktop.goto(`${server.url}?from=${dates[Math.floor(dates.length / 3)]}&to=${dates[Math.floor((2 * dates.length) / 3)]}`);
      await waitForGraph(desktop);
      await desktop.waitForTimeout(500);
      await desktop.screenshot({ path: join(OUT, prefix + "desktop-time.png") });
    }

    // Structure: size by betweenness, colour by community.
    await desktop.goto(`${server.url}?size=betweenness&color=community`);
    await waitForGraph(desktop);
    await desktop.waitForTimeout(500);
    await desktop.screenshot({ path: join(OUT, prefix + "desktop-structure.png") });

    const a = graph.actors[0].id;
    const far = await desktop.evaluate((root) => {
      const cy = window.__cy!;
      const nodes = cy
        .elements()
        .bfs({ root: cy.getElementById(root), directed: false })
        .path.nodes();
      return nodes[nodes.length - 1].id();
    }, a);
    await desktop.goto(`${server.url}?view=table&hide=affiliation.asserted,affiliation.intended,affiliation.denied&pathFrom=${a}&pathTo=${far}&directed=1`);
    await waitForGraph(desktop);
    await desktop.waitForTimeout(300);
    await desktop.screenshot({ path: join(OUT, prefix + "desktop-table-path.png") });

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await phone.goto(server.url);
    await waitForGraph(phone);
    await phone.waitForTimeout(600);
    await phone.screenshot({ path: join(OUT, prefix + "phone-overview.png") });
    await phone.getByRole("button", { name: "Filters" }).click();
    await phone.screenshot({ path: join(OUT, prefix + "phone-filters.png") });
    await phone.getByRole("button", { name: "Filters" }).click();
    await phone.goto(`${server.url}?edge=${encodeURIComponent(edge)}`);
    await waitForGraph(phone);
    await phone.waitForTimeout(600);
    await phone.screenshot({ path: join(OUT, prefix + "phone-evidence.png") });

    const dark = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: "dark" });
    await dark.goto(`${server.url}?actor=${hub}`);
    await waitForGraph(dark);
    await dark.waitForTimeout(600);
    await dark.screenshot({ path: join(OUT, prefix + "desktop-dark.png") });

    server.setGraph(null);
    const missing = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await missing.goto(server.url);
    await missing.getByTestId("problem-page").waitFor();
    await missing.screenshot({ path: join(OUT, prefix + "problem-missing.png") });
  } finally {
    await browser.close();
    await server.close();
    removeDir(dir);
  }
  console.log(`screenshots written to ${OUT}`);
}

await main();
