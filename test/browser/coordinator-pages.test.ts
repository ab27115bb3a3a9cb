// Pages for other signed-in users, in Swedish and English: the national coordinator's list with its
// edit links and history, an entry's edit form and a rejected file (coordinators may read it); and
// the 403 pages a publisher of another organization gets. Each passes axe-core with no violations.
import { after, before } from "node:test";
import { COORDINATOR, MALMO, scanPages, setUpSignedIn, type SignedInSetup } from "./signed-in-support.ts";

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
  { who: COORDINATOR, path: "/priority-list" },
  { who: COORDINATOR, path: "/priority-list/lekplatser" },
  { who: COORDINATOR, release: "rejected" },
  { who: MALMO, path: "/organizations/0580/publish", status: 403 },
  { who: MALMO, release: "rejected", status: 403 },
]);
