"""The baseline for the terminal benchmarks: a bare Textual app with one TextArea."""

from textual.app import App
from textual.widgets import TextArea


class Bare(App[None]):
    def compose(self):
        yield TextArea()


if __name__ == "__main__":
    Bare().run(mouse=False)
