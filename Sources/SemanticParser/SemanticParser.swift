// placeholder: the SemanticParser helper replaces this file.
import Logic
