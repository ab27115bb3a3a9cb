// A publisher's pages, signed in through the form, in Swedish and English: the account page, the
// publish form, the organization's publications (with the rejected file), a publication's history,
// the releases (the receipt, a rejected file's report with the valid rows on offer, a partial one)
// the dataset page with its map, and the guided form for a dataset published elsewhere. Each passes
// axe-core with no violations.
import { after, before } from "node:test";
import { PUBLISHER, scanPages, setUpSignedIn, type SignedInSetup } from "./signed-in-support.ts";

let setup: SignedInSetup | undefined;

before(async () => {
  setup = await setUpSignedIn();
});

after(async () => {
  await setup?.close();
});

scanPages(() => {
  if (setup === undefined) throw new Error("the platform did not start");
  return setup;
}, [
  { who: PUBLISHER, path: "/account" },
  { who: PUBLISHER, path: "/organizations/0580/publish" },
  { who: PUBLISHER, path: "/organizations/0580/publications" },
  { who: PUBLISHER, path: "/organizations/0580/publications/badplatser" },
  { who: PUBLISHER, release: "published" },
  { who: PUBLISHER, release: "rejected" },
  { who: PUBLISHER, release: "partial" },
  { who: PUBLISHER, path: "/data/badplatser", mapShapes: 2 },
  { who: PUBLISHER, path: "/organizations/0580/catalog/described" },
  { who: PUBLISHER, path: "/organizations/0580/catalog/described/new" },
]);
