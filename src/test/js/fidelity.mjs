// Drives the exo-etl dev-hub with the OFFICIAL Hugging Face JavaScript client (@huggingface/hub), to show
// that the dev-hub speaks the real protocol, and reads back what `exo-etl sync` (the Java client) uploaded.
//
// Environment: HUB_URL (the dev-hub), HF_TOKEN (accepted by it, starts with hf_), JS_REPO (a new dataset
// repo for this script), SYNCED_REPO (a dataset repo the Java client filled).
// Prints one JSON object on the last line of stdout; HubFidelityTest checks it.
import { createHash, randomBytes } from "node:crypto";
import {
  commit,
  createRepo,
  datasetInfo,
  downloadFile,
  fileDownloadInfo,
  listCommits,
  listFiles,
  pathsInfo,
  uploadFiles,
} from "@huggingface/hub";

const hubUrl = required("HUB_URL");
const accessToken = required("HF_TOKEN");
const common = { hubUrl, accessToken };

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`Cannot run the fidelity script: ${name} is not set`);
  }
  return value;
}

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

async function collect(iterable) {
  const items = [];
  for await (const item of iterable) {
    items.push(item);
  }
  return items;
}

async function download(repo, path) {
  const blob = await downloadFile({ ...common, repo, path });
  if (blob === null) {
    throw new Error(`downloadFile returned null for ${path}`);
  }
  return Buffer.from(await blob.arrayBuffer());
}

/** Creates a repo, uploads (small, LFS single part, LFS multipart), deletes, then reads it all back. */
async function roundTrip(name) {
  const repo = { type: "dataset", name };
  const created = await createRepo({ ...common, repo, private: true });
  const small = Buffer.from("hello from the official client\n");
  const lfs = randomBytes(300 * 1024);
  const large = randomBytes(2 * 1024 * 1024 + 12345);
  await uploadFiles({
    ...common, repo, useXet: false, commitTitle: "JS upload",
    files: [
      { path: "notes/hello.txt", content: new Blob([small]) },
      { path: "data/small.bin", content: new Blob([lfs]) },
      { path: "data/large.bin", content: new Blob([large]) },
      { path: "old.txt", content: new Blob(["to be deleted\n"]) },
    ],
  });
  const deletion = await commit({
    ...common, repo, useXet: false, title: "JS delete old.txt",
    operations: [{ operation: "delete", path: "old.txt" }],
  });
  const files = (await collect(listFiles({ ...common, repo, recursive: true })))
    .filter((entry) => entry.type === "file")
    .map((entry) => ({ path: entry.path, size: entry.size, lfs: Boolean(entry.lfs) }));
  const commits = await collect(listCommits({ ...common, repo, batchSize: 2 }));
  const info = await datasetInfo({ ...common, name });
  const paths = await pathsInfo({ ...common, repo, paths: ["data/large.bin", "missing.txt"] });
  return {
    repoUrl: created.repoUrl,
    private: info.private,
    commitOid: deletion.commit.oid,
    files,
    commits: commits.length,
    titles: commits.map((c) => c.title),
    pathsInfo: paths.map((p) => p.path),
    missingInfo: await fileDownloadInfo({ ...common, repo, path: "missing.txt" }),
    downloads: {
      "notes/hello.txt": [sha256(await download(repo, "notes/hello.txt")), sha256(small)],
      "data/small.bin": [sha256(await download(repo, "data/small.bin")), sha256(lfs)],
      "data/large.bin": [sha256(await download(repo, "data/large.bin")), sha256(large)],
    },
  };
}

/** Lists and downloads every file `exo-etl sync` uploaded; counts its commits. */
async function readSynced(name) {
  const repo = { type: "dataset", name };
  const entries = (await collect(listFiles({ ...common, repo, recursive: true }))).filter((e) => e.type === "file");
  const sha = {};
  for (const entry of entries) {
    sha[entry.path] = sha256(await download(repo, entry.path));
  }
  const commits = await collect(listCommits({ ...common, repo }));
  return { files: sha, commits: commits.length, titles: commits.map((c) => c.title) };
}

const result = {
  roundTrip: await roundTrip(required("JS_REPO")),
  synced: await readSynced(required("SYNCED_REPO")),
};
console.log(JSON.stringify(result));
