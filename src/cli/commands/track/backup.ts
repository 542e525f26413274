import type { Command } from "commander";
import { backupStore } from "../../../store/backup.js";
import type { CliOutput } from "../../io.js";
import { storePath, withStore, withStoreOptions, type StoreOptions } from "./store-access.js";

interface BackupOptions extends StoreOptions {
  to: string;
  force?: boolean;
}

export function registerTrackBackup(track: Command, output: CliOutput): void {
  withStoreOptions(
    track
      .command("backup")
      .description("Copy the store to another file, safely even while another process writes to it.")
      .requiredOption("--to <file>", "the backup file to write")
      .option("--force", "replace the backup file if it exists"),
  )
    .addHelpText("after", "\nExample:\n  $ mlops-roi track backup --case case.yaml --to backups/case-2025-06.db")
    .action(async (options: BackupOptions) => {
      const path = storePath(options);
      const { pages } = await withStore(path, {}, (store) => backupStore(store, options.to, { force: options.force ?? false }));
      output.stdout(`backed up ${path} to ${options.to} (${pages} pages)\n`);
    });
}
