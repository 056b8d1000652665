"""Every error recoupe raises, with a code and a message that says what to do.

    RecoupeError                      base; never raised itself
    ├── RecoupeInputError             one input cannot be used; the run records it and goes on
    │   ├── EmptyInput        E101
    │   ├── BinaryInput       E102
    │   ├── TooLarge          E103
    │   ├── NoMainText        E104
    │   ├── BadJSONLine       E105
    │   ├── FetchFailed       E106
    │   ├── BadFeed           E107
    │   ├── NotADocument      E108
    │   └── Unreadable        E109
    ├── StoreError            E201    the database cannot be opened, migrated or written
    ├── OutputError           E202    a file of the dossier cannot be written (disk full, permissions)
    ├── PipelineError         E301    stages registered in an order that cannot run
    └── StageFailure          E302    a stage failed on one article: recorded, the article kept, the run goes on
"""

from __future__ import annotations


class RecoupeError(Exception):
    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.code} {self.message}"


class RecoupeInputError(RecoupeError):
    code = "E100"


class EmptyInput(RecoupeInputError):
    code = "E101"


class BinaryInput(RecoupeInputError):
    code = "E102"


class TooLarge(RecoupeInputError):
    code = "E103"


class NoMainText(RecoupeInputError):
    code = "E104"


class BadJSONLine(RecoupeInputError):
    code = "E105"


class FetchFailed(RecoupeInputError):
    code = "E106"


class BadFeed(RecoupeInputError):
    code = "E107"


class NotADocument(RecoupeInputError):
    code = "E108"


class Unreadable(RecoupeInputError):
    code = "E109"


class StoreError(RecoupeError):
    code = "E201"


class OutputError(RecoupeError):
    code = "E202"


class PipelineError(RecoupeError):
    code = "E301"


class StageFailure(RecoupeError):
    code = "E302"
