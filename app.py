"""Gradio app (placeholder until the UI lands): a chat over the same pipeline as `vankien ask`."""
from __future__ import annotations


def build(assistant):
    import gradio as gr

    def respond(message, history):
        return assistant.ask(message).answer

    return gr.ChatInterface(respond, title="Vankien")


def serve(assistant, host: str = "127.0.0.1", port: int = 7860) -> None:
    build(assistant).launch(server_name=host, server_port=port)
