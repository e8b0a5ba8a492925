"""Shared by the corpus tools: the Python files of a set of directories."""
import os


def collect_files(dirs, exclude_dirs=(), max_files=None):
    """The *.py files under each directory (or the file itself), sorted,
    skipping directories with an excluded name; the first max_files."""
    exclude = set(exclude_dirs)
    files = []
    for top in dirs:
        if os.path.isfile(top):
            files.append(top)
            continue
        for root, subdirs, names in os.walk(top):
            subdirs[:] = sorted(d for d in subdirs if d not in exclude)
            for name in sorted(names):
                path = os.path.join(root, name)
                if name.endswith('.py') and os.path.isfile(path):
                    files.append(path)
    return files if max_files is None else files[:max_files]
