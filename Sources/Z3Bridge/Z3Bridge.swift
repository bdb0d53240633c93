// placeholder: the Z3Bridge helper replaces this file.
import Logic
import CZ3
