// placeholder: the Prover helper replaces this file.
import Logic
