// The new public pages with published data, signed out, in Swedish and English: sign-in, the
// national datasets and a dataset's page (its map draws the rows), an organization's publications
// and a publication's history, and a published release's receipt. Each passes axe-core.
import { after, before } from "node:test";
import { scanPages, setUpSignedIn, type SignedInSetup } from "./signed-in-support.ts";

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
  { path: "/sign-in" },
  { path: "/data" },
  { path: "/data/badplatser", mapShapes: 2 },
  { path: "/data/badplatser?kommun=0580&q=strand", mapShapes: 1 },
  { path: "/organizations/0580/publications" },
  { path: "/organizations/0580/publications/badplatser" },
  { release: "published" },
  { path: "/progress" },
  { path: "/organizations/0580/readiness" },
]);
