// The content-addressed file store: uploaded originals and generated exports, by sha256.
export { DirectoryFileStore, type FileStore, type StoredFile } from "./store.ts";
