"""The `riwaya` command line."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from . import __version__

DEFAULT_DB = "riwaya.db"


def _err(msg: str) -> None:
    print(msg, file=sys.stderr)


def _missing(path: str | Path, what: str) -> bool:
    """True (after saying so) when the file a command needs is not there."""
    if Path(path).is_file():
        return False
    _err(f"riwaya: {path}: no such {what}")
    return True


def cmd_analyze(args: argparse.Namespace) -> int:
    from .engine import tune_gc
    from .engine.local import analyze
    from .export.json_export import write_export
    from .ingest import Limits, discover
    from .pipeline import Pipeline
    from .store import Store, StoreError

    tune_gc()
    inputs = list(discover(args.paths))
    limits = Limits(url_timeout_s=args.timeout)
    try:
        store = Store(args.db)
    except StoreError as e:
        _err(f"riwaya: {e}")
        return 1
    progress = None
    show = args.progress if args.progress is not None else (sys.stderr.isatty() and len(inputs) > 20)
    if show:
        from tqdm import tqdm

        progress = tqdm(total=len(inputs), unit="input", file=sys.stderr, leave=False)
    runner = None
    if args.engine == "spark":
        from .engine.spark import SparkMissing, SparkRunner

        try:
            runner = SparkRunner(Pipeline.from_names(), args.spark_master)
        except SparkMissing as e:
            _err(f"riwaya: {e}")
            return 1
    with store:
        summary = analyze(
            inputs,
            store,
            Pipeline.from_names(),
            limits=limits,
            report=(progress.write if progress else _err),
            on_input=(lambda _i: progress.update(1)) if progress else None,
            workers=max(1, args.workers),
            runner=runner,
        )
        if progress:
            progress.close()
        from .engine.corpus import run_corpus_stages

        try:
            corpus = run_corpus_stages(store, reuse_window=args.reuse_window, runner=runner,
                                       workers=max(1, args.workers))
        finally:
            if runner is not None:
                runner.close()
        total = store.count()
        if args.json:
            write_export(store, args.json, workers=max(1, args.workers))
    print(
        f"read {summary.read} of {summary.inputs} inputs ({summary.unchanged} unchanged, "
        f"{len(summary.skipped)} skipped); {summary.articles} articles, {summary.stored} new, "
        f"{summary.retired} retired, {summary.refurnished} cleaned again; {corpus['dated']} dated by inference; "
        f"{total} in {args.db}",
        file=sys.stderr,
    )
    if summary.skipped or summary.problems:
        _err(f"{len(summary.skipped)} input(s) skipped, {len(summary.problems)} problem(s) reported above")
    if args.json:
        _err(f"export written to {args.json}")
    return summary.exit_code


def cmd_export(args: argparse.Namespace) -> int:
    from .engine import tune_gc
    from .export.json_export import stream_export, write_export
    from .store import Store, StoreError

    tune_gc()

    try:
        store = Store(args.db, readonly=True)
    except StoreError as e:
        _err(f"riwaya: {e}")
        return 1
    with store:
        workers = max(1, args.workers)
        if args.output in (None, "-"):
            stream_export(store, sys.stdout, workers)
        else:
            n = write_export(store, args.output, workers)
            _err(f"{n} articles exported to {args.output}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    corpus = _example_corpus()
    if corpus is None:
        _err("riwaya: the example corpus was not found (examples/corpus in a source checkout)")
        return 1
    out = Path(args.out or tempfile.mkdtemp(prefix="riwaya-demo-"))
    out.mkdir(parents=True, exist_ok=True)
    db = out / "demo.db"
    for stale in (db, db.with_name("demo.db-wal"), db.with_name("demo.db-shm")):
        stale.unlink(missing_ok=True)  # a fresh store every time
    ns = argparse.Namespace(paths=[str(corpus)], db=str(db), json=str(out / "demo.json"), timeout=20.0,
                            progress=False, workers=os.cpu_count() or 1, engine="local", spark_master="local[2]",
                            reuse_window=None)
    code = cmd_analyze(ns)
    print(f"demo store:  {db}\ndemo export: {out / 'demo.json'}")
    return code


def cmd_entities(args: argparse.Namespace) -> int:
    from .entities.conll import tag_conll

    path = Path(args.conll)
    if _missing(path, "file"):
        return 1
    with path.open(encoding="utf-8-sig", errors="replace") as f:
        n = tag_conll(f, sys.stdout)
    _err(f"{n} sentences tagged")
    return 0


def cmd_kb(args: argparse.Namespace) -> int:
    from .entities.kb import knowledge_base, user_kb_dir
    from .entities.kb_files import add_file

    if args.kb_command == "add":
        try:
            target, n = add_file(Path(args.file))
        except (OSError, ValueError) as e:
            _err(f"riwaya: {e}")
            return 1
        print(f"{n} entities from {args.file} added as {target}")
        return 0
    kb = knowledge_base()
    if args.kb_command == "lookup":
        found = kb.lookup(args.name)
        for ent in found:
            print(f"{ent.id}\t{ent.type}\t{ent.name}\t{' | '.join(ent.aliases)}")
        if not found:
            _err(f"{args.name!r} is not in the knowledge base")
        return 0 if found else 1
    print(f"{len(kb.entities)} entities, {len(kb.relations)} relations; your files go in {user_kb_dir()}")
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    import json
    from datetime import date

    from .claims.relation import relation

    path = Path(args.pairs)
    if _missing(path, "file"):
        return 1
    bad = 0
    with path.open(encoding="utf-8-sig", errors="replace") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                pair = json.loads(line)
                a, b = pair["a"], pair["b"]
                if not isinstance(a, str) or not isinstance(b, str):
                    raise TypeError("a and b must be strings")
                # optional: the days the statements were made, for relative dates ("ديسمبر الماضي")
                said = [date.fromisoformat(pair[k]) if pair.get(k) else None for k in ("date_a", "date_b")]
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as e:
                bad += 1
                _err(f"{path}:{n}: not a pair ({e})")
                print(json.dumps({"relation": None, "score": None, "error": str(e)}))
                continue
            rel, p = relation(a, b, said_a=said[0], said_b=said[1])
            print(json.dumps({"relation": rel, "score": round(p, 4)}, ensure_ascii=False))
    return 2 if bad else 0


def cmd_check(args: argparse.Namespace) -> int:
    from .claims.check import check
    from .store import Store, StoreError

    try:
        store = Store(args.db, readonly=True)
    except StoreError as e:
        _err(f"riwaya: {e}")
        return 1
    with store:
        found = check(store, args.claim, args.limit)
    if not found:
        print("no statement in the store speaks to this claim")
        return 0
    for f in found:
        chain = " ← ".join([f.outlet or "?", *f.chain, f.speaker] if not f.informants else
                           [f.outlet or "?", f.speaker, *f.chain])
        print(f"[{f.role}] {f.published or '????-??-??'}  {chain}  ({f.cue})")
        print(f"    «{f.quote.strip()[:300]}»")
        print(f"    {f.source}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from .web.app import create_app
    except ImportError:
        _err("riwaya: the web app needs its extra: pip install 'riwaya[web]'")
        return 1
    if _missing(args.db, "store"):
        return 1
    print(f"serving {args.db} on http://{args.host}:{args.port}/ (read-only)", file=sys.stderr)
    uvicorn.run(create_app(args.db), host=args.host, port=args.port, log_level="warning")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    try:
        from .web.app import report
    except ImportError:
        _err("riwaya: the report needs the web extra: pip install 'riwaya[web]'")
        return 1
    if _missing(args.db, "store"):
        return 1
    n = report(args.db, args.output)
    print(f"{n} pages written to {args.output}", file=sys.stderr)
    return 0


def _example_corpus() -> Path | None:
    here = Path(__file__).resolve()
    for candidate in (
        here.parents[2] / "examples" / "corpus",
        Path.cwd() / "examples" / "corpus",
        Path(sys.prefix) / "share" / "riwaya" / "examples" / "corpus",
    ):
        if candidate.is_dir():
            return candidate
    return None


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="riwaya", description="Who said what, through whom, in Arabic news.")
    p.add_argument("--version", action="version", version=f"riwaya {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    a = sub.add_parser("analyze", help="read, clean and analyse files, folders or URLs into a store")
    a.add_argument("paths", nargs="+", help="files (.txt .html .jsonl[.gz] .warc[.gz] .rss/.xml), folders, URLs")
    a.add_argument("--db", default=DEFAULT_DB, help=f"SQLite store (default: {DEFAULT_DB})")
    a.add_argument("--json", metavar="OUT", help="also write the JSON export here")
    a.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for a URL (default 20)")
    a.add_argument("--engine", choices=["local", "spark"], default="local",
                   help="local: a process pool (default); spark: Apache Spark (the spark extra)")
    a.add_argument("--spark-master", default="local[2]", help="Spark master URL (default local[2])")
    a.add_argument("--reuse-window", type=int, metavar="DAYS",
                   help="keep the copy-detection (LSH) bands of the last DAYS days of news only; copies found "
                        "stay (default: keep all)")
    a.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help="processes for the per-article stages (default: every core); results do not depend on it")
    a.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: on a terminal, for more than 20 inputs)",
    )
    a.set_defaults(func=cmd_analyze)

    e = sub.add_parser("export", help="write the store as JSON (riwaya-export/1)")
    e.add_argument("--db", default=DEFAULT_DB)
    e.add_argument("--format", choices=["json"], default="json")
    e.add_argument("-o", "--output", help="file to write (default: standard output)")
    e.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes making the articles' lines")
    e.set_defaults(func=cmd_export)

    en = sub.add_parser(
        "entities", help="tag entities in a CoNLL token file (token per line; blank line between sentences)"
    )
    en.add_argument("--conll", required=True, metavar="FILE", help="prints token<TAB>BIO label (PER/ORG/LOC/MISC)")
    en.set_defaults(func=cmd_entities)

    k = sub.add_parser("kb", help="the knowledge base: add your own entity file, look a name up")
    ksub = k.add_subparsers(dest="kb_command", required=True)
    ka = ksub.add_parser("add", help="validate a TSV of entities (the kb file format) and add it")
    ka.add_argument("file")
    kl = ksub.add_parser("lookup", help="which entities a name refers to")
    kl.add_argument("name")
    ksub.add_parser("info", help="counts and where your files go")
    k.set_defaults(func=cmd_kb)

    c = sub.add_parser("compare", help="relation between statement pairs (JSONL lines {\"a\": …, \"b\": …}, optional "
                       "\"date_a\"/\"date_b\": the ISO days they were said)")
    c.add_argument("--pairs", required=True, metavar="FILE", help="prints one JSON line per pair: relation, score")
    c.set_defaults(func=cmd_compare)

    ch = sub.add_parser("check", help="the statements in the store that support, deny or discuss a claim")
    ch.add_argument("claim")
    ch.add_argument("--db", default=DEFAULT_DB)
    ch.add_argument("--limit", type=int, default=50)
    ch.set_defaults(func=cmd_check)

    sv = sub.add_parser("serve", help="browse the store in a web browser (the web extra)")
    sv.add_argument("--db", default=DEFAULT_DB)
    sv.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    sv.add_argument("--port", type=int, default=8000)
    sv.set_defaults(func=cmd_serve)

    rp = sub.add_parser("report", help="one self-contained HTML report of stories, claims and contradictions")
    rp.add_argument("--db", default=DEFAULT_DB)
    rp.add_argument("-o", "--output", default="report.html")
    rp.set_defaults(func=cmd_report)

    d = sub.add_parser("demo", help="analyse the bundled example corpus into a fresh store")
    d.add_argument("--out", help="folder for the demo store and export (default: a new temporary folder)")
    d.set_defaults(func=cmd_demo)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        _err("riwaya: interrupted; run the same command again to resume")
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
